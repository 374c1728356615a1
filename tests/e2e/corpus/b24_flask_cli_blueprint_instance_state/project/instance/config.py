# Showroom box settings (copied from config.py.example and filled in by the installer).
import os

AVATAR_ID = os.environ.get("SHOWROOM_AVATAR", "Wayne_20240711")
KNOWLEDGE_BASE_ID = os.environ.get("SHOWROOM_KB")
AVATAR_QUALITY = "low"
