"""A tiny offline stand-in for discord.py's `discord.ext.commands` (only what the bot uses)."""
import inspect


class Channel:
    def __init__(self, id, name):
        self.id = id
        self.name = name
        self.sent = []


class Author:
    def __init__(self, id, name):
        self.id = id
        self.display_name = name


class Message:
    def __init__(self, content, channel, author):
        self.content = content
        self.channel = channel
        self.author = author


class Context:
    def __init__(self, bot, message):
        self.bot = bot
        self.message = message
        self.channel = message.channel
        self.author = message.author

    async def send(self, text):
        self.channel.sent.append(text)


class Command:
    def __init__(self, func, name):
        self.callback = func
        self.name = name


def command(name=None):
    def decorator(func):
        return Command(func, name or func.__name__)

    return decorator


class Cog:
    def get_commands(self):
        found = []
        for _, value in inspect.getmembers(type(self)):
            if isinstance(value, Command):
                found.append(value)
        return found

    async def cog_load(self):
        pass

    async def cog_unload(self):
        pass


class Bot:
    def __init__(self, command_prefix):
        self.command_prefix = command_prefix
        self.cogs = {}
        self._commands = {}

    async def add_cog(self, cog):
        self.cogs[type(cog).__name__] = cog
        for cmd in cog.get_commands():
            self._commands[cmd.name] = (cog, cmd)
        await cog.cog_load()

    async def remove_cog(self, name):
        cog = self.cogs.pop(name)
        await cog.cog_unload()

    async def process_commands(self, message):
        if not message.content.startswith(self.command_prefix):
            return
        name, *args = message.content[len(self.command_prefix):].split()
        cog, cmd = self._commands[name]
        ctx = Context(self, message)
        params = list(inspect.signature(cmd.callback).parameters.values())[2:]
        if params and params[-1].kind is inspect.Parameter.KEYWORD_ONLY:
            rest = " ".join(args[len(params) - 1:])
            await cmd.callback(cog, ctx, *args[: len(params) - 1], **{params[-1].name: rest})
        else:
            await cmd.callback(cog, ctx, *args)
