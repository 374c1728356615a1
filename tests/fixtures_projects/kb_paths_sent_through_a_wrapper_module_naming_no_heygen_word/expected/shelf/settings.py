import os

API_BASE = os.environ.get("API_BASE", "https://api.liveavatar.com")
API_KEY = os.environ["LIVEAVATAR_API_KEY"]
