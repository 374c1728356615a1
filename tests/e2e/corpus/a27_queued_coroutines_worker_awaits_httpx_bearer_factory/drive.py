"""A three-slide deck is narrated, with a cut-in before the last slide."""

import asyncio

import e2e_support
from narrator.deck import Narrator


async def main() -> None:
    narrator = await Narrator.create()
    e2e_support.viewer.join(*narrator.viewer())
    await narrator.narrate(["Quarterly results at a glance.", "Revenue grew twelve percent."])
    narrator.cut_in()
    await narrator.narrate(["Thank you, questions welcome."])
    ids = await narrator.close()
    assert len(ids) >= 3, ids


asyncio.run(main())
