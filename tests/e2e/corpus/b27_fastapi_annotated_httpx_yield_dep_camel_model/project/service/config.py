import os

HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY", "")
HEYGEN_BASE_URL = os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com")
DEFAULT_AVATAR = os.getenv("DEFAULT_AVATAR", "Tyler-incasualsuit-20220721")
REQUEST_TIMEOUT = float(os.getenv("REQUEST_TIMEOUT", "20"))
