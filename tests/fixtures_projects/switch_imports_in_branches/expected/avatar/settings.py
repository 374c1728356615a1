import os

AVATAR_PROVIDER = os.getenv("AVATAR_PROVIDER", "liveavatar")
HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY", "")
LIVEAVATAR_API_KEY = os.getenv("LIVEAVATAR_API_KEY", "")
