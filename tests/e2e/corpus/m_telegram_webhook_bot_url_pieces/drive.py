"""Telegram delivers a conversation to the webhook; the user opens the viewer link."""

import urllib.parse

import bot
import e2e_support


def message(text, chat=4242):
    return {"update_id": 1, "message": {"chat": {"id": chat}, "text": text}}


assert bot.webhook(message("/start")) == "ok"
link = bot.OUTBOX[-1][1]
assert link.startswith("avatar is live: "), bot.OUTBOX
query = urllib.parse.parse_qs(urllib.parse.urlsplit(link.split(": ", 1)[1]).query)
e2e_support.viewer.join(query["url"][0], query["token"][0])  # the viewer page connects
bot.webhook(message("/say Hello from Telegram!"))
bot.webhook(message("/ask What can you do?"))
bot.webhook(message("/ping"))
bot.webhook(message("/stop"))
replies = [text for _, text in bot.OUTBOX[1:]]
assert replies == ["ok", "ok", "pong", "bye"], replies
