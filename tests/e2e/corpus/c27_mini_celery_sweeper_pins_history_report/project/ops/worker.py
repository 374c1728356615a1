"""A tiny stand-in for Celery: same decorator and call shapes, runs tasks inline."""
import functools
import logging
import time

log = logging.getLogger("worker")


class Retry(Exception):
    pass


class _Bound:
    def __init__(self, task, retries):
        self.task = task
        self.request = type("Request", (), {"retries": retries})()

    def retry(self, exc=None, countdown=0):
        raise Retry() from exc


class Task:
    def __init__(self, fn, bind, max_retries):
        self.fn = fn
        self.bind = bind
        self.max_retries = max_retries
        self.name = fn.__name__
        functools.update_wrapper(self, fn)

    def __call__(self, *args, **kwargs):
        for attempt in range(self.max_retries + 1):
            try:
                if self.bind:
                    return self.fn(_Bound(self, attempt), *args, **kwargs)
                return self.fn(*args, **kwargs)
            except Retry:
                log.warning("%s: retry %d", self.name, attempt + 1)
                time.sleep(0.01)
        raise RuntimeError(f"{self.name}: retries exhausted")

    def delay(self, *args, **kwargs):
        return self(*args, **kwargs)


class MiniCelery:
    def __init__(self, name):
        self.name = name
        self.tasks = {}

    def task(self, bind=False, max_retries=0):
        def deco(fn):
            t = Task(fn, bind, max_retries)
            self.tasks[t.name] = t
            return t
        return deco
