import os

API_ROOT = os.getenv("HEYGEN_API_ROOT", "https://api.heygen.com")


class Streaming:
    TOKEN = f"{API_ROOT}/v1/streaming.create_token"
    NEW = f"{API_ROOT}/v1/streaming.new"
    START = f"{API_ROOT}/v1/streaming.start"
    TASK = f"{API_ROOT}/v1/streaming.task"
    STOP = f"{API_ROOT}/v1/streaming.stop"
