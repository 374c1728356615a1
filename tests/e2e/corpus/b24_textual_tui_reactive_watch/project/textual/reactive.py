class reactive:  # noqa: N801  (textual spells it so)
    """A class attribute whose assignment calls ``watch_<name>(value)`` on the app."""

    def __init__(self, default=None):
        self.default = default

    def __set_name__(self, owner, name):
        self.name = name

    def __class_getitem__(cls, item):
        return cls

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, self.default)

    def __set__(self, obj, value):
        obj.__dict__[self.name] = value
        watcher = getattr(obj, "watch_" + self.name, None)
        if watcher is not None:
            watcher(value)
