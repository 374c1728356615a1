from . import conf
from .loading import import_string


def get_provider(name=None):
    dotted = conf.AVATAR_PROVIDERS[name or conf.AVATAR_PROVIDER]
    return import_string(dotted)()


class Lesson:
    def __init__(self, steps, provider=None):
        self.steps = list(steps)
        self.provider = provider or get_provider()
        self.session = None

    async def begin(self):
        self.session = await self.provider.open(conf.TUTOR_AVATAR)
        return self.session

    async def teach(self):
        for step in self.steps:
            await self.provider.speak(self.session["session_id"], step)
        return len(self.steps)

    async def student_raised_hand(self):
        await self.provider.interrupt(self.session["session_id"])

    async def end(self):
        try:
            await self.provider.close(self.session["session_id"])
        finally:
            await self.provider.aclose()
