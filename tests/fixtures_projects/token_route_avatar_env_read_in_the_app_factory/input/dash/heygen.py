import requests


def create_token(key):
    resp = requests.post(
        "https://api.heygen.com/v1/streaming.create_token", headers={"x-api-key": key}, timeout=10
    )
    resp.raise_for_status()
    return resp.json()["data"]["token"]
