import os

HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY", "")
AVATAR_ID = os.getenv("AVATAR_ID", "Wayne_20240711")
SANDBOX_AVATAR = os.environ.get("SANDBOX_AVATAR", "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a")
GREETER: str = "Anna_public_3_20240108"
QUALITY = os.getenv("AVATAR_QUALITY", "medium")
