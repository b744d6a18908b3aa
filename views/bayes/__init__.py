"""The views of the Bayes page."""
