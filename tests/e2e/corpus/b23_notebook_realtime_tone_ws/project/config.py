"""Settings for the notebooks in this folder."""
import os

HEYGEN_API_KEY = os.environ.get("HEYGEN_API_KEY", "")
BASE_URL = "https://api.heygen.com"
AVATAR_ID = os.environ.get("AVATAR_ID", "Anna_public_3_20240108")
SAMPLE_RATE = 24000
