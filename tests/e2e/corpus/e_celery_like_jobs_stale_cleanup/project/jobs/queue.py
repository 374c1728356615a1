"""Minimal job queue with a Celery-like API (runs eagerly in this deployment)."""
import logging

log = logging.getLogger(__name__)


class Job:
    def __init__(self, fn, name):
        self.fn = fn
        self.name = name

    def __call__(self, *args, **kwargs):
        return self.fn(*args, **kwargs)

    def delay(self, *args, **kwargs):
        log.info("running job %s", self.name)
        return self.fn(*args, **kwargs)


class JobQueue:
    def __init__(self):
        self.registry = {}

    def task(self, name=None):
        def register(fn):
            job = Job(fn, name or fn.__name__)
            self.registry[job.name] = job
            return job
        return register


queue = JobQueue()
