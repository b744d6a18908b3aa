"""The views of the Loss-functions page."""
