"""The views of the gradient-descent page: derivative, descent in 1-D, race in 2-D."""
