# config for avatar_chat.py -- copy your key into the env, never commit it!
import os

API_KEY = os.getenv("HEYGEN_API_KEY", "")
BASE_URL = "https://api.heygen.com/v1"

NEW_SESSION_URL = f"{BASE_URL}/streaming.new"
START_SESSION_URL = f"{BASE_URL}/streaming.start"
TASK_URL = f"{BASE_URL}/streaming.task"
INTERRUPT_URL = f"{BASE_URL}/streaming.interrupt"
STOP_URL = f"{BASE_URL}/streaming.stop"

AVATAR_NAME = os.getenv("AVATAR_NAME", "Anna_public_3_20240108")
QUALITY = "low"
