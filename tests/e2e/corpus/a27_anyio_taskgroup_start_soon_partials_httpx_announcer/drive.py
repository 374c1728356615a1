"""Two platform announcements, a keep-alive, a final one."""

import anyio
import e2e_support
from announcer.station import StationAnnouncer


async def main() -> None:
    announcer = StationAnnouncer()
    url, token = await announcer.open()
    e2e_support.viewer.join(url, token)
    await announcer.announce("The 9:15 to Leeds departs from platform 4.")
    await announcer.announce("Platform 2: the 9:20 is delayed by ten minutes.")
    await announcer.keep_alive()
    await announcer.announce("Please mind the gap.")
    await announcer.close()
    assert announcer.log == 3, announcer.log


anyio.run(main)
