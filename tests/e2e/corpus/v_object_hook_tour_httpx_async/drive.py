"""The tour script run once, in an event loop."""

import asyncio

import e2e_support
import tour


async def main():
    guide = tour.Guide()
    sess = await guide.new()
    await guide.start(sess)
    e2e_support.viewer.join(sess.url, sess.access_token)
    await guide.say(sess, "This is the main hall, built in 1890.")
    await guide.ping(sess)
    await guide.say(sess, "On your left, the famous staircase.")
    await guide.stop(sess)


asyncio.run(main())
