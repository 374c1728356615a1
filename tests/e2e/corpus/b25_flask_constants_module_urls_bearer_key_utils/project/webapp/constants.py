"""HeyGen endpoints (https://docs.heygen.com/reference)."""
HEYGEN_BASE_URL = "https://api.heygen.com"

STREAMING_NEW_URL = f"{HEYGEN_BASE_URL}/v1/streaming.new"
STREAMING_START_URL = f"{HEYGEN_BASE_URL}/v1/streaming.start"
STREAMING_TASK_URL = f"{HEYGEN_BASE_URL}/v1/streaming.task"
STREAMING_INTERRUPT_URL = f"{HEYGEN_BASE_URL}/v1/streaming.interrupt"
STREAMING_STOP_URL = f"{HEYGEN_BASE_URL}/v1/streaming.stop"

VIDEO_GENERATE_URL = f"{HEYGEN_BASE_URL}/v2/video/generate"
VIDEO_STATUS_URL = f"{HEYGEN_BASE_URL}/v1/video_status.get"

DEFAULT_QUALITY = "medium"
