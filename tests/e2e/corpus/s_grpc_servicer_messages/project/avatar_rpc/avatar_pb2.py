"""Hand-written stand-in for the protoc-generated messages of avatar.proto (offline: no grpcio)."""


class _Message:
    __slots__ = ()

    def __init__(self, **fields):
        for name in self.__slots__:
            setattr(self, name, fields.pop(name, ""))
        if fields:
            raise ValueError(f"unknown fields for {type(self).__name__}: {sorted(fields)}")

    def __repr__(self):
        inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__slots__)
        return f"{type(self).__name__}({inner})"


class OpenSessionRequest(_Message):
    __slots__ = ("avatar_id", "quality", "knowledge_base_id")


class OpenSessionReply(_Message):
    __slots__ = ("session_id", "room_url", "room_token")


class SpeakRequest(_Message):
    __slots__ = ("session_id", "text", "mode")


class SpeakReply(_Message):
    __slots__ = ("task_id",)


class SessionRequest(_Message):
    __slots__ = ("session_id",)


class Empty(_Message):
    __slots__ = ()
