import json
import urllib.error
import urllib.request

from .settings import API_KEY, TIMEOUT


class ApiError(Exception):
    pass


def fetch(url, payload=None, method=None):
    """POST `payload` (or GET without one) and return the envelope's data."""
    data = None if payload is None else json.dumps(payload).encode("utf-8")
    req = urllib.request.Request(
        url,
        data=data,
        method=method or ("POST" if data is not None else "GET"),
        headers={"X-Api-Key": API_KEY, "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as resp:
            envelope = json.load(resp)
    except urllib.error.HTTPError as err:
        raise ApiError("%s %s: %s" % (req.get_method(), url, err.code)) from err
    return envelope.get("data")
