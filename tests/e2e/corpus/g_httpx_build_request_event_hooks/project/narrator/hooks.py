"""httpx event hooks shared by our API clients."""
import logging

import httpx

log = logging.getLogger("narrator.http")


def log_request(request: httpx.Request) -> None:
    log.debug("-> %s %s", request.method, request.url)


def raise_on_error(response: httpx.Response) -> None:
    if response.is_error:
        response.read()
        log.warning("<- %s %s: %s", response.status_code, response.request.url, response.text)
    response.raise_for_status()
