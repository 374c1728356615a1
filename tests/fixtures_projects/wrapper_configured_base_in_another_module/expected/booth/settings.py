import os

HEYGEN_URL = os.getenv("LIVEAVATAR_BASE_URL", "https://api.liveavatar.com/v1")
HEYGEN_KEY = os.getenv("LIVEAVATAR_API_KEY", "")
