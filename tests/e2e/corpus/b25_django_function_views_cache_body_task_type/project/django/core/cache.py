class _LocMemCache:
    def __init__(self):
        self._data = {}

    def get(self, key, default=None):
        return self._data.get(key, default)

    def set(self, key, value, timeout=None):
        self._data[key] = value

    def delete(self, key):
        self._data.pop(key, None)


cache = _LocMemCache()
