"""Tiny offline stand-in for the `schedule` package (every(...).unit.do(job, *args))."""
import time

jobs = []


class Job:
    def __init__(self, interval):
        self.interval = interval
        self.unit = None
        self.job_func = None
        self.next_run = None

    def _unit(self, unit):
        self.unit = unit
        return self

    @property
    def seconds(self):
        return self._unit("seconds")

    @property
    def minutes(self):
        return self._unit("minutes")

    @property
    def hours(self):
        return self._unit("hours")

    def do(self, job_func, *args, **kwargs):
        self.job_func = lambda: job_func(*args, **kwargs)
        self.job_func.__name__ = getattr(job_func, "__name__", "job")
        factor = {"seconds": 1, "minutes": 60, "hours": 3600}[self.unit]
        self.period = self.interval * factor
        self.next_run = time.monotonic() + self.period
        jobs.append(self)
        return self

    def run(self):
        result = self.job_func()
        self.next_run = time.monotonic() + self.period
        if result is CancelJob:
            cancel_job(self)
        return result


class CancelJob:
    pass


def every(interval=1):
    return Job(interval)


def run_pending():
    for job in sorted(jobs, key=lambda j: j.next_run):
        if job.next_run <= time.monotonic():
            job.run()


def run_all(delay_seconds=0):
    for job in jobs[:]:
        job.run()
        time.sleep(delay_seconds)


def cancel_job(job):
    if job in jobs:
        jobs.remove(job)


def clear():
    del jobs[:]
