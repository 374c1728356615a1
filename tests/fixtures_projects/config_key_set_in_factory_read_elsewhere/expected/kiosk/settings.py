import os

LIVE = {
    "HEYGEN_API_KEY": os.environ.get("LIVEAVATAR_API_KEY", ""),
    "AVATAR_ID": os.environ.get("AVATAR_ID", "Anna_public_3_20240108"),
}
