"""Lobby kiosk: pick a streaming avatar from the account's catalog and let it greet visitors."""
