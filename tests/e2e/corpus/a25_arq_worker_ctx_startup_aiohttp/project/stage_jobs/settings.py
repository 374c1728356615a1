import os

API_ROOT = os.getenv("HEYGEN_API_ROOT", "https://api.heygen.com/v1")
API_KEY = os.getenv("HEYGEN_API_KEY", "")
DEFAULT_AVATAR = os.getenv("STAGE_AVATAR_ID", "Anna_public_3_20240108")
REQUEST_TIMEOUT = 20
