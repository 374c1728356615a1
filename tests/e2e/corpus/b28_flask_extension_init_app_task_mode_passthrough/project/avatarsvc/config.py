"""Flask settings objects, picked by name in create_app()."""
import os


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev")
    HEYGEN_API_KEY = os.environ.get("HEYGEN_API_KEY", "")
    HEYGEN_API_URL = "https://api.heygen.com"
    HEYGEN_TIMEOUT = 20
    DEFAULT_AVATAR = os.environ.get("DEFAULT_AVATAR", "Anna_public_3_20240108")
    DEFAULT_QUALITY = "medium"


class DevConfig(Config):
    DEBUG = True


class TestConfig(Config):
    TESTING = True
    DEFAULT_QUALITY = "low"
