"""In-memory stand-in for redis-py, enough for rq's eager mode in tests and demos."""


class Redis:
    _data: dict = {}

    def __init__(self, host="localhost", port=6379, db=0, **kwargs):
        self.host, self.port, self.db = host, port, db

    @classmethod
    def from_url(cls, url, **kwargs):
        return cls()

    def get(self, key):
        return self._data.get(key)

    def set(self, key, value, ex=None):
        self._data[key] = value
        return True

    def ping(self):
        return True
