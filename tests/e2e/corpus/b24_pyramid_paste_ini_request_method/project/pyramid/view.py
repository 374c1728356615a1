_registered = []


class view_config:
    def __init__(self, **settings):
        self.settings = settings

    def __call__(self, wrapped):
        _registered.append((wrapped, self.settings))
        return wrapped
