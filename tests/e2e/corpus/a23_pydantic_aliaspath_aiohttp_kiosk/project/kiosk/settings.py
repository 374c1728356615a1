"""Deployment settings for the museum kiosk (read once, from the environment)."""
import os

HEYGEN_HOST = os.environ.get("KIOSK_HEYGEN_HOST", "https://api.heygen.com")
HEYGEN_KEY = os.environ.get("HEYGEN_API_KEY", "")
AVATAR = os.environ.get("KIOSK_AVATAR", "Anna_public_3_20240108")
QUALITY = os.environ.get("KIOSK_QUALITY", "low")
KEEPALIVE_EVERY = float(os.environ.get("KIOSK_KEEPALIVE_EVERY", "120"))
