import os

REDIS_URL = os.getenv("REDIS_URL", "redis://localhost:6379/0")
# RQ_EAGER=1 runs jobs in-process (local dev, tests); production uses `rq worker avatar`
RQ_EAGER = os.getenv("RQ_EAGER", "0") == "1"

HEYGEN_HOST = "https://api.heygen.com"
HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY", "")
SHOW_AVATAR = os.getenv("SHOW_AVATAR", "Anna_public_3_20240108")
