import os

HEYGEN_URL = os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com/v1")
HEYGEN_KEY = os.getenv("HEYGEN_API_KEY", "")
