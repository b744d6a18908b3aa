"""What the server lets in: the ASGI guard and the bounds on uploads (``serve.py``)."""
