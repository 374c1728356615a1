"""Open-house tour avatar."""
