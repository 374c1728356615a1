"""Lobby kiosk avatar (HeyGen Interactive Avatar)."""
