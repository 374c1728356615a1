import os

HEYGEN_BASE = os.getenv("HEYGEN_BASE", "https://api.heygen.com/v1")


def headers_json():
    return {
        "X-Api-Key": os.getenv("HEYGEN_API_KEY", ""),
        "Content-Type": "application/json",
    }
