"""The views of the Matrices page."""
