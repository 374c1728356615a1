import os

DEBUG = os.getenv("DJANGO_DEBUG", "1") == "1"
HEYGEN = {
    "API_KEY": os.getenv("HEYGEN_API_KEY", ""),
    "BASE_URL": os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com"),
    "AVATAR_ID": os.getenv("AVATAR_ID", "Anna_public_3_20240108"),
    "QUALITY": "medium",
}
