"""The slice of Celery's canvas the avatar jobs use; the worker image swaps in the real one."""
import functools


class Signature:
    def __init__(self, task, args, kwargs):
        self.task, self.args, self.kwargs = task, args, kwargs

    def __call__(self, *prepend):
        return self.task(*prepend, *self.args, **self.kwargs)


class Task:
    def __init__(self, fn):
        self.fn = fn
        functools.update_wrapper(self, fn)

    def __call__(self, *args, **kwargs):
        return self.fn(*args, **kwargs)

    def s(self, *args, **kwargs):
        return Signature(self, args, kwargs)

    def delay(self, *args, **kwargs):
        return self(*args, **kwargs)


class App:
    def task(self, fn):
        return Task(fn)


def chain(first, *rest):
    def run():
        result = first()
        for sig in rest:
            result = sig(result)
        return result

    return run
