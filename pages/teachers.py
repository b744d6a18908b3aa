"""Teacher notes: every topic's link parameters and ready lessons, written from the code."""

from __future__ import annotations

from views import teachers

teachers.run()
