"""HeyGen Interactive Avatar endpoints."""
import os

API_ROOT = os.environ.get("HEYGEN_API_ROOT", "https://api.heygen.com")

NEW_SESSION = f"{API_ROOT}/v1/streaming.new"
START_SESSION = f"{API_ROOT}/v1/streaming.start"
SEND_TASK = f"{API_ROOT}/v1/streaming.task"
INTERRUPT = f"{API_ROOT}/v1/streaming.interrupt"
CLOSE_SESSION = f"{API_ROOT}/v1/streaming.stop"
