"""Stand-in for python-socketio's AsyncServer (handler registration and emit only)."""


class AsyncServer:
    def __init__(self, **kwargs):
        self.handlers = {}
        self.sent = []

    def event(self, func):
        self.handlers[func.__name__] = func
        return func

    def on(self, name):
        def register(func):
            self.handlers[name] = func
            return func

        return register

    async def emit(self, event, data=None, to=None):
        self.sent.append((event, data, to))

    async def trigger(self, event, sid, *args):
        """What the server does when client ``sid`` sends ``event``."""
        return await self.handlers[event](sid, *args)
