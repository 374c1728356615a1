"""Loaded at start-up of every driver subprocess (its directory is on PYTHONPATH).

Points ``api.heygen.com`` and ``api.liveavatar.com`` (port 443) at the TLS stand-in on
127.0.0.1 and makes every HTTP client trust the test CA, so the programs run unmodified.
Every other host name fails to resolve: the tests never reach the network.
"""

from __future__ import annotations

import os
import socket
from typing import Any

_PORT = os.environ.get("E2E_TLS_PORT")
_CA_FILE = os.environ.get("E2E_CA_FILE")
_API_HOSTS = ("api.heygen.com", "api.liveavatar.com")
_LOCAL = ("127.0.0.1", "localhost", "::1", "0.0.0.0", "")


def _install(port: int, ca_file: str) -> None:
    _real_getaddrinfo = socket.getaddrinfo

    def _getaddrinfo(host: Any, service: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        name = (name or "").lower().rstrip(".")
        if name in _API_HOSTS:
            if str(service) not in ("443", "https"):
                raise socket.gaierror(socket.EAI_NONAME, f"e2e: {name} only on port 443")
            return _real_getaddrinfo("127.0.0.1", port, *args, **kwargs)
        if name in _LOCAL or host is None:
            return _real_getaddrinfo(host, service, *args, **kwargs)
        raise socket.gaierror(socket.EAI_NONAME, f"e2e: no network for {name!r}")

    socket.getaddrinfo = _getaddrinfo  # type: ignore[assignment]

    # anyio (httpx's async backend) keeps only the address from getaddrinfo and connects to the
    # port it was asked for, so 127.0.0.1:443 is redirected to the stand-in at connect time too.
    _real_connect = socket.socket.connect
    _real_connect_ex = socket.socket.connect_ex

    def _redirect(address: Any) -> Any:
        if isinstance(address, tuple) and address[:2] == ("127.0.0.1", 443):
            return ("127.0.0.1", port)
        return address

    def _connect(self: socket.socket, address: Any) -> None:
        return _real_connect(self, _redirect(address))

    def _connect_ex(self: socket.socket, address: Any) -> int:
        return _real_connect_ex(self, _redirect(address))

    socket.socket.connect = _connect  # type: ignore[method-assign,assignment]
    socket.socket.connect_ex = _connect_ex  # type: ignore[method-assign,assignment]

    # requests reads REQUESTS_CA_BUNDLE, urllib/aiohttp/ssl read SSL_CERT_FILE (set by the test);
    # httpx and some libraries ask certifi directly.
    try:
        import certifi
        import certifi.core
    except ImportError:
        pass
    else:

        def _where() -> str:
            return ca_file

        certifi.where = _where
        certifi.core.where = _where


if _PORT and _CA_FILE:
    _install(int(_PORT), _CA_FILE)
