"""Configuration objects for the kiosk backend (loaded with app.config.from_object)."""
import os


class Config:
    # HeyGen
    HEYGEN_API_KEY = os.environ.get("HEYGEN_API_KEY", "")
    HEYGEN_API_BASE = os.environ.get("HEYGEN_API_BASE", "https://api.heygen.com")
    HEYGEN_AVATAR_ID = os.environ.get("HEYGEN_AVATAR_ID", "Wayne_20240711")
    HEYGEN_QUALITY = "medium"
    HEYGEN_TIMEOUT = 20

    # the kiosk's own shared secret, sent by the front-end
    KIOSK_TOKEN = os.environ.get("KIOSK_TOKEN", "lobby-kiosk")


class DevelopmentConfig(Config):
    DEBUG = True


class TestingConfig(Config):
    TESTING = True
    HEYGEN_TIMEOUT = 5
