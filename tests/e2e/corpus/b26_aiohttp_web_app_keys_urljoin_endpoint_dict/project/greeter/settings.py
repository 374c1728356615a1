import os
from urllib.parse import urljoin

HEYGEN_API = "https://api.heygen.com/v1/"
HEYGEN_API_KEY = os.environ.get("HEYGEN_API_KEY", "")
AVATAR_ID = os.environ.get("GREETER_AVATAR", "Anna_public_3_20240108")

ENDPOINTS = {
    "new": urljoin(HEYGEN_API, "streaming.new"),
    "start": urljoin(HEYGEN_API, "streaming.start"),
    "task": urljoin(HEYGEN_API, "streaming.task"),
    "stop": urljoin(HEYGEN_API, "streaming.stop"),
}
