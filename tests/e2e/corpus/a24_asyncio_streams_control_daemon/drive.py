"""Run the daemon, drive it with avatarctl over its socket; the lobby screen joins."""

import asyncio

import e2e_support
from avatard.ctl import Control
from avatard.daemon import AvatarDaemon


async def main() -> None:
    daemon = AvatarDaemon()
    port = await daemon.serve()
    stopped = asyncio.create_task(daemon.wait_stopped())
    ctl = await Control.connect(port)
    opened = await ctl.send("open")
    assert opened["ok"], opened
    e2e_support.viewer.join(opened["room"], opened["token"])
    assert (await ctl.send("say", text="The lobby opens in five minutes."))["ok"]
    assert (await ctl.send("hush"))["ok"]
    assert (await ctl.send("ping"))["ok"]
    assert (await ctl.send("say", text="Welcome, everyone."))["ok"]
    assert (await ctl.send("close"))["ok"]
    assert not (await ctl.send("dance"))["ok"]
    await ctl.send("shutdown")
    await ctl.close()
    await stopped


asyncio.run(main())
