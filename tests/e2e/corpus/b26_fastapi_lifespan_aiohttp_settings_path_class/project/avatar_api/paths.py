class HeyGenPaths:
    """Streaming API paths, relative to the v1 base."""

    NEW = "/streaming.new"
    START = "/streaming.start"
    TASK = "/streaming.task"
    INTERRUPT = "/streaming.interrupt"
    STOP = "/streaming.stop"
