import logging

import requests
from django.conf import settings

logger = logging.getLogger(__name__)


class HeyGenUnavailable(Exception):
    pass


def streaming(action, **payload):
    """POST /v1/streaming.<action> and return the `data` part of the envelope."""
    url = "%s/v1/streaming.%s" % (settings.HEYGEN_API_URL, action)
    try:
        response = requests.post(
            url,
            json=payload,
            headers={"X-Api-Key": settings.HEYGEN_API_KEY},
            timeout=settings.HEYGEN_TIMEOUT,
        )
        response.raise_for_status()
    except requests.RequestException as exc:
        logger.exception("HeyGen %s failed", action)
        raise HeyGenUnavailable(str(exc)) from exc
    return response.json().get("data") or {}
