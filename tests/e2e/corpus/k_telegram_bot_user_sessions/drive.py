import asyncio

import e2e_support
from bot import SESSIONS, build_app
from tg import Message, Update, User

ALICE = User(1001, "Alice")
BOB = User(2002, "Bob")


async def send(app, user, text):
    message = Message(text)
    await app.process_update(Update(user, message))
    return message.replies


async def main():
    app = build_app()
    print(await send(app, ALICE, "/avatar anna"))
    print(await send(app, BOB, "/quality high"))
    print(await send(app, BOB, "/avatar wayne"))
    # each user's Telegram web view shows their own avatar room
    for user in (ALICE, BOB):
        room = SESSIONS[user.id]
        e2e_support.viewer.join(room["url"], room["token"])
    print(await send(app, ALICE, "/say Hi Alice, I am Anna"))
    print(await send(app, BOB, "/say Hello Bob, Wayne here"))
    print(await send(app, BOB, "/hush"))
    print(await send(app, ALICE, "/bye"))
    print(await send(app, BOB, "/bye"))
    assert not SESSIONS


asyncio.run(main())
