"""The viewer joins the room the bot shows; it greets and closes."""

import e2e_support
from bot.main import greet

greet(e2e_support.viewer.join)
