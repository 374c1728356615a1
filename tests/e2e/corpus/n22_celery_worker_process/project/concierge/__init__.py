"""Avatar concierge service."""
