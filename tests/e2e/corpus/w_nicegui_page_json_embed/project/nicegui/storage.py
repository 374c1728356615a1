class _Storage:
    def __init__(self):
        self.user = {}


class _App:
    def __init__(self):
        self.storage = _Storage()
        self.on_shutdown_handlers = []

    def on_shutdown(self, fn):
        self.on_shutdown_handlers.append(fn)
        return fn


app = _App()
