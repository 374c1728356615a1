class _Event:
    def __init__(self, callback, interval):
        self.callback = callback
        self.interval = interval
        self.cancelled = False

    def cancel(self):
        self.cancelled = True


class _Clock:
    def __init__(self):
        self.events = []

    def schedule_interval(self, callback, interval):
        event = _Event(callback, interval)
        self.events.append(event)
        return event

    def tick(self):
        """One frame in which every interval has passed (the stand-in has no real time)."""
        for event in list(self.events):
            if not event.cancelled:
                event.callback(event.interval)
        self.events = [e for e in self.events if not e.cancelled]


Clock = _Clock()
