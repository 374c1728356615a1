"""Where the HeyGen streaming API lives (one place to change it)."""
import os

API_HOST = os.environ.get("HEYGEN_API_HOST", "https://api.heygen.com/")

NEW = "/v1/streaming.new"
START = "/v1/streaming.start"
TASK = "/v1/streaming.task"
KEEP_ALIVE = "/v1/streaming.keep_alive"
STOP = "/v1/streaming.stop"


def url(path):
    return API_HOST.rstrip("/") + path
