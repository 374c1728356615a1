"""The scripted tour plan the kiosk runs; the gallery screen joins after the first tool."""

import asyncio

import e2e_support
from museum_guide.agent import guide
from museum_guide.deps import GuideDeps
from pai_lite import ToolCall


async def main() -> None:
    deps = GuideDeps.create()
    try:
        shown = await guide.run([ToolCall("show_avatar", {})], deps=deps)
        room = shown.output[0]
        e2e_support.viewer.join(room["watch_url"], room["watch_token"])
        tour = [
            ToolCall("narrate", {"text": "This is the Night Watch."}),
            ToolCall("stop_talking", {}),
            ToolCall("narrate", {"text": "Next, the sculpture hall."}),
            ToolCall("hide_avatar", {}),
        ]
        result = await guide.run(tour, deps=deps)
        assert result.output == ["ok", "ok", "ok", "ok"]
        assert deps.session_id is None
    finally:
        await deps.http.aclose()


asyncio.run(main())
