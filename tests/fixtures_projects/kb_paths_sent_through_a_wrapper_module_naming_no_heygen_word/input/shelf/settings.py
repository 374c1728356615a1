import os

API_BASE = os.environ.get("API_BASE", "https://api.heygen.com")
API_KEY = os.environ["HEYGEN_API_KEY"]
