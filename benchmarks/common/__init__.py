"""What both classroom benchmarks share: the controls they change, the server, statistics."""
