import os


class Config:
    HEYGEN_API_KEY = os.environ.get("HEYGEN_API_KEY", "")
    HEYGEN_BASE_URL = "https://api.heygen.com"
    AVATAR_ID = os.environ.get("KIOSK_AVATAR", "Anna_public_3_20240108")
    AVATAR_LANGUAGE = "en"
    HTTP_TIMEOUT = 15


class TestingConfig(Config):
    TESTING = True
