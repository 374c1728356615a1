"""A visit: the visitor scans an exhibit tag, the guide appears and tells its story."""
from __future__ import annotations

from collections.abc import Callable, Iterable

from .avatar import AvatarGuide
from .models import Exhibit

EXHIBITS = {
    "astrolabe": Exhibit(
        slug="astrolabe",
        title="the brass astrolabe",
        blurb="It was used to find the time from the height of the sun.",
    ),
    "loom": Exhibit(
        slug="loom",
        title="the Jacquard loom",
        blurb="Its punched cards inspired the first programmable machines.",
    ),
}


async def visit(
    tags: Iterable[str], show: Callable[[str, str], object], skip_after: str | None = None
) -> str:
    """Run one visit; returns the session id (for the visit log)."""
    async with AvatarGuide() as guide:
        live = await guide.begin()
        show(live.room_url, live.viewer_token)
        for tag in tags:
            exhibit = EXHIBITS[tag]
            for line in exhibit.script():
                await guide.narrate(line)
                if line == skip_after:
                    await guide.hush()
            await guide.ping()
        return live.session_id
