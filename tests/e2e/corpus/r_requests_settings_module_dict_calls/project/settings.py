import os

API_ROOT = os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com/v1/")
API_KEY = os.environ["HEYGEN_API_KEY"]
DEFAULT_HEADERS = dict(accept="application/json")
DEFAULT_HEADERS["X-API-KEY"] = API_KEY
