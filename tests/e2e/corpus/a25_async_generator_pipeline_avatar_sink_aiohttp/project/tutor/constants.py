import os

HEYGEN_API = "https://api.heygen.com/v1"
NEW_URL = f"{HEYGEN_API}/streaming.new"
START_URL = f"{HEYGEN_API}/streaming.start"
TASK_URL = f"{HEYGEN_API}/streaming.task"
INTERRUPT_URL = f"{HEYGEN_API}/streaming.interrupt"
STOP_URL = f"{HEYGEN_API}/streaming.stop"

HEADERS = {"X-Api-Key": os.getenv("HEYGEN_API_KEY", ""), "Content-Type": "application/json"}
AVATAR_ID = os.getenv("TUTOR_AVATAR_ID", "Anna_public_3_20240108")
