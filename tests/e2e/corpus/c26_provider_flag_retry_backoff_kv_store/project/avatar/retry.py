import functools
import logging
import time

import requests

log = logging.getLogger(__name__)


def with_backoff(retries=3, base_delay=0.1):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            for attempt in range(retries):
                try:
                    return fn(*args, **kwargs)
                except (requests.ConnectionError, requests.Timeout) as exc:
                    if attempt == retries - 1:
                        raise
                    delay = base_delay * 2 ** attempt
                    log.warning("%s failed (%s), retrying in %.1fs", fn.__name__, exc, delay)
                    time.sleep(delay)
        return wrapper
    return deco
