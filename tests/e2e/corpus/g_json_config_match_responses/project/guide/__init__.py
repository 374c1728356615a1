"""Museum guide avatar."""
