import os

BASE_URL = os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com")
API_KEY = os.getenv("HEYGEN_API_KEY", "")
