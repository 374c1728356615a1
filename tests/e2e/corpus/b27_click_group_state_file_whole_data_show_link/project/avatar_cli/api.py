import click
import requests

DEFAULT_BASE = "https://api.heygen.com"


class Api:
    def __init__(self, key, base=DEFAULT_BASE):
        self.base = base.rstrip("/")
        self.key = key

    def post(self, op, **payload):
        r = requests.post(
            f"{self.base}/v1/streaming.{op}",
            json=payload,
            headers={"X-API-Key": self.key},
            timeout=30,
        )
        body = r.json()
        if body.get("code") != 100:
            raise click.ClickException(f"{op} failed: {body.get('message', r.status_code)}")
        return body.get("data", {})
