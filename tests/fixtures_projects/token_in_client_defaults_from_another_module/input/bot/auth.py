import os
import httpx

HEYGEN = "https://api.heygen.com/v1"


def fetch_streaming_token() -> str:
    with httpx.Client() as c:
        r = c.post(f"{HEYGEN}/streaming.create_token", headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]})
        r.raise_for_status()
        return r.json()["data"]["token"]
