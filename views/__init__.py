"""One small module per view of a page: its controls and what they draw."""
