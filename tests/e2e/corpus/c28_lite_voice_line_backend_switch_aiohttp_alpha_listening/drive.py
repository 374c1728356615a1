import asyncio

import e2e_support
from voiceline.backends import backend_from_env
from voiceline.call import handle_call


async def main() -> None:
    backend = backend_from_env()
    room = await backend.open()
    e2e_support.viewer.join(room["url"], room["token"])
    answers = await handle_call(backend, ["What are your opening hours?", "Is there parking?"])
    assert answers == ["We are open from eight to eight.", "Yes, behind the station."], answers
    await backend.keep_alive()
    await handle_call(backend, ["Thanks, bye!"])
    await backend.close()


asyncio.run(main())
