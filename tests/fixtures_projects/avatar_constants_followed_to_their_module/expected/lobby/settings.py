import os

AVATAR_ID = os.getenv("AVATAR_ID", "Wayne_20240711")
QUALITY = os.getenv("AVATAR_QUALITY", "medium")
