"""The few pieces of python-telegram-bot this bot uses, so it runs (and is tested) offline."""
from dataclasses import dataclass, field


@dataclass
class User:
    id: int
    first_name: str


@dataclass
class Message:
    text: str
    replies: list = field(default_factory=list)

    async def reply_text(self, text):
        self.replies.append(text)


@dataclass
class Update:
    effective_user: User
    message: Message


@dataclass
class CallbackContext:
    args: list
    user_data: dict


class CommandHandler:
    def __init__(self, command, callback):
        self.command = command
        self.callback = callback


class Application:
    def __init__(self):
        self.handlers = {}
        self.user_data = {}

    def add_handler(self, handler):
        self.handlers[handler.command] = handler.callback

    async def process_update(self, update):
        command, *args = update.message.text.lstrip("/").split()
        callback = self.handlers.get(command)
        if callback is None:
            await update.message.reply_text("Unknown command")
            return
        user_data = self.user_data.setdefault(update.effective_user.id, {})
        await callback(update, CallbackContext(args=args, user_data=user_data))
