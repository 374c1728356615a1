import os

BASE_URL = os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com/v1")
HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY")
AVATAR_ID = os.getenv("HEYGEN_AVATAR_ID", "Anna_public_3_20240108")
KNOWLEDGE_BASE_ID = os.getenv("HEYGEN_KB_ID")  # optional, needed for talk tasks
QUALITY = os.getenv("HEYGEN_QUALITY", "medium")
REQUEST_TIMEOUT = int(os.getenv("HEYGEN_TIMEOUT", "30"))
