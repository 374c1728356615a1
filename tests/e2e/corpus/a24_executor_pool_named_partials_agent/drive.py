"""Lap 31: the pit wall screen joins, two calls, a box-box cut, off air."""

import asyncio

import e2e_support
from pitcrew.radio import PitRadio


async def main() -> None:
    radio = PitRadio()
    room = await radio.go_live()
    e2e_support.viewer.join(room["url"], room["token"])
    await radio.call("Push now, gap is 1.8 seconds.")
    await radio.box_box()
    await radio.call("Box this lap, softs ready.")
    await radio.off_air()


asyncio.run(main())
