import os


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev")
    DATABASE = "kiosk.sqlite3"

    # HeyGen
    HEYGEN_API_KEY = os.environ.get("HEYGEN_API_KEY", "")
    KIOSK_AVATAR = os.environ.get("KIOSK_AVATAR", "Anna_public_3_20240108")
    KIOSK_KNOWLEDGE_BASE = os.environ.get("KIOSK_KB")
    KIOSK_VOICE_RATE = 1.0
