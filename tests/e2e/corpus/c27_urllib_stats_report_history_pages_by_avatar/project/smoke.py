"""Open a session, say one line, close it: used by the nightly smoke job."""
import os
import sys

import requests

HEYGEN = "https://api.heygen.com/v1/streaming"
HDRS = {"x-api-key": os.environ.get("HEYGEN_API_KEY", ""), "content-type": "application/json"}


def smoke(line="Smoke test."):
    r = requests.post(f"{HEYGEN}.new", json={"avatar_id": os.environ["SMOKE_AVATAR"], "version": "v2"}, headers=HDRS)
    r.raise_for_status()
    sid = r.json()["data"]["session_id"]
    requests.post(f"{HEYGEN}.start", json={"session_id": sid}, headers=HDRS).raise_for_status()
    requests.post(f"{HEYGEN}.task", json={"session_id": sid, "text": line}, headers=HDRS).raise_for_status()
    requests.post(f"{HEYGEN}.stop", json={"session_id": sid}, headers=HDRS).raise_for_status()
    return sid


if __name__ == "__main__":
    print(smoke(*sys.argv[1:]))
