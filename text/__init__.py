"""Learner words, per topic: sentences, LaTeX with numbers, NumPy code snippets."""
