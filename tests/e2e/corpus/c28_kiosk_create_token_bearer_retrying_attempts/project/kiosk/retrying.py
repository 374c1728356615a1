"""A tiny tenacity look-alike: `for attempt in Retrying(...): with attempt: ...`."""
import time

import requests


class _Attempt:
    def __init__(self, number, last, retry_on):
        self.number = number
        self.last = last
        self.retry_on = retry_on
        self.failed = False

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            return False
        if issubclass(exc_type, self.retry_on) and not self.last:
            self.failed = True
            return True  # swallow, try again
        return False


class Retrying:
    def __init__(self, stop_after=3, wait=0.01, retry_on=(requests.ConnectionError, requests.Timeout)):
        self.stop_after = stop_after
        self.wait = wait
        self.retry_on = retry_on

    def __iter__(self):
        for number in range(1, self.stop_after + 1):
            attempt = _Attempt(number, number == self.stop_after, self.retry_on)
            yield attempt
            if not attempt.failed:
                return
            time.sleep(self.wait * number)
