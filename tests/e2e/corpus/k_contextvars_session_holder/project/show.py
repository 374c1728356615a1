import asyncio
import os

import avatar_ctx


async def run_show(on_ready):
    async with avatar_ctx.avatar_session() as session:
        on_ready(session.livekit_url, session.livekit_token)
        await avatar_ctx.say("Good evening and welcome to the quiz.")
        await avatar_ctx.listen(True)
        await avatar_ctx.ask("Which planet is the largest?")
        await avatar_ctx.listen(False)


def main(on_ready=print):
    asyncio.run(run_show(on_ready))


if __name__ == "__main__":
    main(lambda url, token: print(url, token[:12] + "...", os.getpid()))
