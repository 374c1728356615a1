import asyncio
import statistics

from .client import StreamingClient


async def collect():
    async with StreamingClient() as client:
        active = await client.active_sessions()
        durations = [row["duration"] async for row in client.history(page_size=20)]
        total = await client.history_total()
    return {
        "active": len(active),
        "historic": len(durations),
        "total": total,
        "mean_duration_s": statistics.fmean(durations) if durations else 0.0,
    }


def render(stats):
    width = max(len(k) for k in stats)
    for key, value in stats.items():
        print(f"{key.ljust(width)}  {value}")


if __name__ == "__main__":
    render(asyncio.run(collect()))
