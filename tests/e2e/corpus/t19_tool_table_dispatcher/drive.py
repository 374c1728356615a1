"""The agent runtime: open the avatar, run the tool calls the model made, hang up."""

import json
import os

import e2e_support
from bot.dispatcher import Dispatcher

bot = Dispatcher(os.environ["AVATAR_ID"], os.environ["KNOWLEDGE_BASE_ID"])
e2e_support.viewer.join(*bot.viewer)
said = json.loads(bot.run("avatar_say", json.dumps({"text": "Welcome to the Harbour Building."})))
assert said["ok"], said
assert json.loads(bot.run("avatar_answer", json.dumps({"text": "Where is the gym?"})))["ok"]
assert json.loads(bot.run("avatar_hush", ""))["ok"]
assert json.loads(bot.run("avatar_ping", "{}"))["ok"]
bot.close()
