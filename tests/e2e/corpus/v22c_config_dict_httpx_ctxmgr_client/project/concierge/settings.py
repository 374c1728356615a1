"""Runtime settings, read once from the environment."""
import os

CONFIG = {
    "api_key": os.environ["HEYGEN_API_KEY"],
    "api_url": os.getenv("HEYGEN_API_URL", "https://api.heygen.com/v1/"),
    "avatar_id": os.getenv("CONCIERGE_AVATAR", "Anna_public_3_20240108"),
    "knowledge_base_id": os.getenv("CONCIERGE_KB", ""),
    "quality": "medium",
    "timeout": 15.0,
}
