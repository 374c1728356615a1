import os

API_ROOT = os.environ.get("HEYGEN_API_ROOT", "https://api.heygen.com/v1")
API_KEY = os.environ.get("HEYGEN_API_KEY", "")
TIMEOUT = int(os.environ.get("FAQBOT_TIMEOUT", "20"))
