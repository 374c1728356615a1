"""The backend enqueues stage jobs; the worker runs them in bursts, the stage screen joins."""

import asyncio

import e2e_support
from arqlite import Worker
from stage_jobs.worker import WorkerSettings


async def main() -> None:
    worker = Worker.from_settings(WorkerSettings)
    opened = worker.enqueue("open_stage", "main-hall")
    await worker.run_burst()
    room = worker.result(opened)
    assert room.success, room.error
    e2e_support.viewer.join(room.result["server"], room.result["token"])

    said = worker.enqueue("announce", "main-hall", "Doors open in five minutes.")
    worker.enqueue("cut", "main-hall")
    again = worker.enqueue("announce", "main-hall", "Please take your seats.")
    closed = worker.enqueue("close_stage", "main-hall")
    await worker.run_burst()
    for job in (said, again, closed):
        assert worker.result(job).success, worker.result(job).error
    assert worker.result(said).result == len("Doors open in five minutes.")
    assert worker.result(closed).result is True
    await worker.close()


asyncio.run(main())
