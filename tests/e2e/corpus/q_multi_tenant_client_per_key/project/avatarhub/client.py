import logging

import httpx

log = logging.getLogger(__name__)

HEYGEN_API = "https://api.heygen.com"

_clients = {}


class HeyGenError(RuntimeError):
    pass


def client_for(tenant):
    """One connection pool per customer, authenticated with that customer's key."""
    client = _clients.get(tenant.slug)
    if client is None:
        client = httpx.Client(
            base_url=HEYGEN_API,
            headers={"X-Api-Key": tenant.api_key, "Accept": "application/json"},
            timeout=20.0,
        )
        _clients[tenant.slug] = client
    return client


def call(tenant, path, payload):
    resp = client_for(tenant).post(path, json=payload)
    if resp.status_code != 200:
        log.warning("%s: %s -> %s", tenant.slug, path, resp.status_code)
        raise HeyGenError(f"{path} failed for {tenant.name}: {resp.text}")
    return resp.json().get("data", {})


def close_all():
    for client in _clients.values():
        client.close()
    _clients.clear()
