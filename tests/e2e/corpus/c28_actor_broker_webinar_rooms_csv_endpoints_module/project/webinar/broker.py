"""Just enough of dramatiq's API for the webinar jobs (the real broker runs them in workers)."""
import logging
import time

import requests

log = logging.getLogger("broker")


class Actor:
    def __init__(self, fn, max_retries, min_backoff):
        self.fn = fn
        self.actor_name = fn.__name__
        self.max_retries = max_retries
        self.min_backoff = min_backoff

    def __call__(self, *args, **kwargs):
        return self.fn(*args, **kwargs)

    def send(self, *args, **kwargs):
        delay = self.min_backoff
        for attempt in range(self.max_retries + 1):
            try:
                return self.fn(*args, **kwargs)
            except requests.RequestException as exc:
                if attempt == self.max_retries:
                    raise
                log.warning("%s failed: %s; retrying", self.actor_name, exc)
                time.sleep(delay)
                delay *= 2


class Broker:
    def __init__(self):
        self.actors = {}

    def actor(self, fn=None, *, max_retries=3, min_backoff=0.01):
        def register(f):
            a = Actor(f, max_retries, min_backoff)
            self.actors[a.actor_name] = a
            return a

        return register(fn) if fn is not None else register
