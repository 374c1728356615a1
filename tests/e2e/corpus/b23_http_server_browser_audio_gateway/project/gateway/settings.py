"""Gateway settings, from the environment (systemd EnvironmentFile on the box)."""
import os

API_ROOT = "https://api.heygen.com/v1/"
API_KEY = os.environ.get("HEYGEN_API_KEY", "")
AVATAR_ID = os.environ.get("HEYGEN_AVATAR_ID", "Santa_Fireplace_Front_public")
QUALITY = os.environ.get("HEYGEN_QUALITY", "low")
IDLE_TIMEOUT = int(os.environ.get("HEYGEN_IDLE_TIMEOUT", "120"))

HOST = os.environ.get("GATEWAY_HOST", "127.0.0.1")
PORT = int(os.environ.get("GATEWAY_PORT", "8088"))
