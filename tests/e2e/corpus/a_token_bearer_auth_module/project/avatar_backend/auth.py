import os

HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY")


def headers_json(token=None):
    """Headers for HeyGen calls: Bearer session token when we have one, API key otherwise."""
    if token:
        return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    return {"x-api-key": HEYGEN_API_KEY, "Content-Type": "application/json"}
