import os

BASE_URL = os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com")
API_KEY = os.getenv("HEYGEN_API_KEY", "")
AVATAR = os.getenv("NARRATOR_AVATAR", "Wayne_20240711")
VOICE = os.getenv("NARRATOR_VOICE", "1bd001e7e50f421d891986aad5158bc8")
