from fastapi import Depends

from .client import StreamingClient
from .settings import Settings, get_settings

_clients = {}


def get_client(settings: Settings = Depends(get_settings)) -> StreamingClient:
    # one client (and its connection pool) per API key
    client = _clients.get(settings.api_key)
    if client is None:
        client = StreamingClient(settings.api_key, settings.api_base, settings.request_timeout)
        _clients[settings.api_key] = client
    return client
