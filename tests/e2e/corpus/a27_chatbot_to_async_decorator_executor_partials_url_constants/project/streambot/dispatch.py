import logging
import shlex

log = logging.getLogger(__name__)


class Bot:
    """discord.py-ish command registry: `!name args...`."""

    def __init__(self, prefix="!"):
        self.prefix = prefix
        self.commands = {}

    def command(self, name):
        def register(fn):
            self.commands[name] = fn
            return fn

        return register

    async def handle(self, channel, message, reply):
        if not message.startswith(self.prefix):
            return
        name, _, rest = message[len(self.prefix):].partition(" ")
        fn = self.commands.get(name)
        if fn is None:
            reply(f"unknown command {name}")
            return
        try:
            await fn(channel, rest, reply)
        except Exception as exc:
            log.exception("command %s failed", name)
            reply(f"error: {exc}")

    @staticmethod
    def words(text):
        return shlex.split(text)
