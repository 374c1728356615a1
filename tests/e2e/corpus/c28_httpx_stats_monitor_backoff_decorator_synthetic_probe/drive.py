import asyncio
import os

import e2e_support
from monitor import probe, report


async def main() -> None:
    held = await probe.open_probe(os.environ["PROBE_AVATAR"])
    e2e_support.viewer.join(held.livekit_url, held.access_token)
    stats = await report.collect()
    assert stats["active"] == 1, stats
    assert stats["historic"] == 0, stats
    await probe.close_probe(held)

    timings = await probe.synthetic_check(os.environ["PROBE_AVATAR"], join=e2e_support.viewer.join)
    assert set(timings) == {"new", "start", "task", "stop"}, timings

    stats = await report.collect()
    assert stats["active"] == 0, stats
    assert stats["historic"] == 2 and stats["total"] == 2, stats
    assert stats["mean_duration_s"] >= 0
    report.render(stats)


asyncio.run(main())
