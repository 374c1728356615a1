"""Tiny offline stand-in for the parts of Prefect 2 our flows use (tests run without a server)."""
import asyncio
import functools
import inspect
import logging

__all__ = ["flow", "task", "get_run_logger"]

_log = logging.getLogger("prefect")


def get_run_logger():
    return _log


def task(fn=None, *, name=None, retries=0, retry_delay_seconds=0, tags=None):
    def wrap(f):
        if inspect.iscoroutinefunction(f):

            @functools.wraps(f)
            async def run_async(*args, **kwargs):
                for attempt in range(retries + 1):
                    try:
                        return await f(*args, **kwargs)
                    except Exception:
                        if attempt == retries:
                            raise
                        _log.warning("task %s failed, retrying", name or f.__name__)
                        await asyncio.sleep(retry_delay_seconds)

            return run_async

        @functools.wraps(f)
        def run(*args, **kwargs):
            for attempt in range(retries + 1):
                try:
                    return f(*args, **kwargs)
                except Exception:
                    if attempt == retries:
                        raise
            return None

        return run

    return wrap(fn) if fn is not None else wrap


def flow(fn=None, *, name=None, log_prints=False, retries=0):
    def wrap(f):
        f.flow_name = name or f.__name__
        return f

    return wrap(fn) if fn is not None else wrap
