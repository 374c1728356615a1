"""Kiosk avatar configuration. Edit here or override with environment variables."""
import os

HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY")
HEYGEN_BASE_URL = "https://api.heygen.com/v1"

AVATAR_ID = os.getenv("KIOSK_AVATAR", "Tyler-incasualsuit-20220721")
QUALITY = os.getenv("KIOSK_QUALITY", "low")
LANGUAGE = "en"

STATE_FILE = os.getenv("AVATARCTL_STATE", ".avatarctl")
VIEWER = "https://meet.livekit.io/custom?liveKitUrl={url}&token={token}"
