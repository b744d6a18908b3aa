"""The views of the Vectors page."""
