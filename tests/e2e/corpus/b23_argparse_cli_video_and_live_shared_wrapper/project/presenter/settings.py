"""Settings, read once from the environment (a .env is loaded if present)."""
import os

from dotenv import load_dotenv

load_dotenv()


class Settings:
    API_BASE = os.environ.get("HEYGEN_API_BASE", "https://api.heygen.com")
    API_KEY = os.environ.get("HEYGEN_API_KEY", "")
    AVATAR_ID = os.environ.get("HEYGEN_AVATAR_ID", "Anna_public_3_20240108")
    VOICE_ID = os.environ.get("HEYGEN_VOICE_ID", "1bd001e7e50f421d891986aad5158bc8")
    TIMEOUT = float(os.environ.get("HEYGEN_TIMEOUT", "30"))
    POLL_SECONDS = float(os.environ.get("HEYGEN_POLL_SECONDS", "0.2"))


settings = Settings()
