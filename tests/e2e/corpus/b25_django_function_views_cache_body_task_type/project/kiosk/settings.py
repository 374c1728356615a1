import os

SECRET_KEY = "dev-only"
ROOT_URLCONF = "kiosk.urls"
INSTALLED_APPS = ["avatars"]

HEYGEN = {
    "API_KEY": os.getenv("HEYGEN_API_KEY"),
    "BASE_URL": "https://api.heygen.com/v1",
    "AVATAR_ID": os.getenv("KIOSK_AVATAR_ID", "Anna_public_3_20240108"),
    "KNOWLEDGE_BASE_ID": os.getenv("KIOSK_KB_ID"),
}
