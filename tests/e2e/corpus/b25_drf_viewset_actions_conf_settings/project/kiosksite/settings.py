"""Django settings for the concierge kiosk (trimmed)."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
INSTALLED_APPS = ["rest_framework", "concierge"]

HEYGEN_API_KEY = os.environ.get("HEYGEN_API_KEY", "")
HEYGEN_API_URL = "https://api.heygen.com"
HEYGEN_TIMEOUT = 20
CONCIERGE_AVATAR = os.environ.get("CONCIERGE_AVATAR", "Wayne_20240711")
CONCIERGE_KNOWLEDGE_BASE = os.environ.get("CONCIERGE_KB", "")
