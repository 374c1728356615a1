"""HeyGen Interactive Avatar paths (the host is configured in http.py)."""

NEW = "/v1/streaming.new"
START = "/v1/streaming.start"
TASK = "/v1/streaming.task"
KEEP_ALIVE = "/v1/streaming.keep_alive"
STOP = "/v1/streaming.stop"
