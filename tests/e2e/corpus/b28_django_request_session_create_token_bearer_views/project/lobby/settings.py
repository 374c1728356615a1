import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "insecure-dev-key")
DEBUG = os.environ.get("DJANGO_DEBUG", "1") == "1"
ROOT_URLCONF = "lobby.urls"
INSTALLED_APPS = [
    "django.contrib.sessions",
    "avatars",
]
SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"

# --- HeyGen interactive avatar -------------------------------------------------
HEYGEN_API_KEY = os.environ["HEYGEN_API_KEY"]
HEYGEN_API_BASE = "https://api.heygen.com"
HEYGEN_AVATAR = os.environ.get("HEYGEN_AVATAR", "Wayne_20240711")
HEYGEN_QUALITY = "low"
