"""A tutoring session as the launcher script runs it."""

import logging

import e2e_support
import tutor

logging.basicConfig(level=logging.DEBUG)

bot = tutor.Tutor(tutor.Config.load(".env"))
kb_id = bot.ensure_knowledge_base()
assert kb_id
assert bot.ensure_knowledge_base() == kb_id  # found by name the second time
url, token = bot.open()
e2e_support.viewer.join(url, token)
bot.ask("What is a prime number?")
bot.interrupt()
bot.ask("Give me an example below ten.")
bot.close()
