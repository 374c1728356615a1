"""Stand-in for the rq API we use. `Queue(is_async=False)` runs jobs at once, as rq does."""
import itertools
import traceback

__all__ = ["Queue", "Job", "get_current_job"]

_ids = itertools.count(1)
_current = []


class Job:
    def __init__(self, func, args, kwargs, connection, depends_on=None, job_id=None):
        self.id = job_id or f"job-{next(_ids)}"
        self.func, self.args, self.kwargs = func, args, kwargs
        self.connection = connection
        self.dependency = depends_on
        self.meta = {}
        self._status = "queued"
        self._result = None
        self.exc_info = None

    def perform(self):
        _current.append(self)
        try:
            self._result = self.func(*self.args, **self.kwargs)
            self._status = "finished"
        except Exception:
            self.exc_info = traceback.format_exc()
            self._status = "failed"
        finally:
            _current.pop()

    def save_meta(self):
        pass

    def get_status(self):
        return self._status

    def return_value(self):
        return self._result

    @property
    def is_failed(self):
        return self._status == "failed"


def get_current_job():
    return _current[-1] if _current else None


class Queue:
    def __init__(self, name="default", connection=None, is_async=True, default_timeout=180):
        self.name = name
        self.connection = connection
        self.is_async = is_async
        self.jobs = []

    def enqueue(self, f, *args, depends_on=None, job_id=None, job_timeout=None, **kwargs):
        job = Job(f, args, kwargs, self.connection, depends_on=depends_on, job_id=job_id)
        self.jobs.append(job)
        if not self.is_async:
            if depends_on is None or depends_on.get_status() == "finished":
                job.perform()
            else:
                job._status = "deferred"
        return job
