"""The views of the Equations page."""
