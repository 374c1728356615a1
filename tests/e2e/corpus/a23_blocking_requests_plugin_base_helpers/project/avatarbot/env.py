"""Environment of the bot process (12-factor style: everything from the environment)."""
import os

AVATAR_SERVICE_ROOT = os.environ.get("AVATARBOT_SERVICE_ROOT", "https://api.heygen.com")
AVATAR_SERVICE_KEY = os.environ.get("HEYGEN_API_KEY", "")
PREFERRED_AVATAR = os.environ.get("AVATARBOT_AVATAR", "")
HTTP_TIMEOUT = int(os.environ.get("AVATARBOT_HTTP_TIMEOUT", "15"))
