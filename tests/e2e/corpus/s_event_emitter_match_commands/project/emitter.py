"""A tiny pyee-style EventEmitter (offline stand-in for `pyee.EventEmitter`)."""
from collections import defaultdict


class EventEmitter:
    def __init__(self):
        self._handlers = defaultdict(list)

    def on(self, event, f=None):
        def register(handler):
            self._handlers[event].append(handler)
            return handler

        return register(f) if f is not None else register

    def emit(self, event, *args, **kwargs):
        handled = False
        for handler in list(self._handlers[event]):
            handler(*args, **kwargs)
            handled = True
        return handled
