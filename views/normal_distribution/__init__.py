"""The views of the Normal distribution page."""
