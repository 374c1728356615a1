DOMAIN = "heygen_avatar"

CONF_AVATAR_ID = "avatar_id"
CONF_QUALITY = "quality"
DEFAULT_QUALITY = "medium"

SERVICE_START = "start"
SERVICE_SAY = "say"
SERVICE_STOP = "stop"
ATTR_MESSAGE = "message"

API_BASE = "https://api.heygen.com/v1"
