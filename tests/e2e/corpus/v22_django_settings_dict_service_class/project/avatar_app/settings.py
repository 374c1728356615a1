import os

HEYGEN = {
    "API_KEY": os.environ.get("HEYGEN_API_KEY", ""),
    "API_URL": "https://api.heygen.com/v1",
    "AVATAR_ID": os.environ.get("HEYGEN_AVATAR_ID", "Anna_public_3_20240108"),
    "KEEPALIVE_SECONDS": 60,
}
