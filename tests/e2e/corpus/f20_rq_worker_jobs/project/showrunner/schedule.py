"""Enqueues a show: open -> run (depends on open) -> close."""
from redis import Redis
from rq import Queue

from . import config, jobs

redis_conn = Redis.from_url(config.REDIS_URL)
queue = Queue("avatar", connection=redis_conn, is_async=not config.RQ_EAGER)


def schedule_show(lines, on_room=None):
    opened = queue.enqueue(jobs.open_stage, job_timeout=120)
    if opened.is_failed:
        raise RuntimeError(opened.exc_info)
    if on_room is not None and "room" in opened.meta:
        on_room(opened.meta["room"]["url"], opened.meta["room"]["token"])
    show = queue.enqueue(jobs.run_show, lines, depends_on=opened)
    if show.is_failed:
        raise RuntimeError(show.exc_info)
    closing = queue.enqueue(jobs.close_stage, opened.return_value(), depends_on=show)
    return {"open": opened.get_status(), "show": show.return_value(), "close": closing.return_value()}
