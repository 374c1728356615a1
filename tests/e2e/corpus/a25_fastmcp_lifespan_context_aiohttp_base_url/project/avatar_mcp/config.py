import os

HEYGEN_HOST = "https://api.heygen.com"
HEYGEN_KEY = os.environ.get("HEYGEN_API_KEY", "")
AVATAR_ID = os.environ.get("MCP_AVATAR_ID", "Anna_public_3_20240108")
KNOWLEDGE_BASE_ID = os.environ.get("MCP_KNOWLEDGE_BASE")
