"""Per-request HeyGen client kept on flask.g."""
from flask import current_app, g

from .heygen import HeyGenClient


def get_heygen():
    if "heygen" not in g:
        cfg = current_app.config
        g.heygen = HeyGenClient(
            cfg["HEYGEN_API_KEY"],
            base_url=cfg["HEYGEN_API_BASE"],
            timeout=cfg["HEYGEN_TIMEOUT"],
        )
    return g.heygen


def close_heygen(exc=None):
    client = g.pop("heygen", None)
    if client is not None:
        client.close()
