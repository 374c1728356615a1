"""Per-site settings for the lobby launcher."""
import os

API_URL = os.environ.get("HEYGEN_API_URL", "https://api.heygen.com")
API_KEY = os.environ.get("HEYGEN_API_KEY")
AVATAR = os.environ.get("LOBBY_AVATAR", "Shawn_Therapist_public")
KNOWLEDGE_BASE = os.environ.get("LOBBY_KB")
TITLE = "Harbour Lobby"
OUTPUT_DIR = os.environ.get("LOBBY_OUTPUT", "build")
