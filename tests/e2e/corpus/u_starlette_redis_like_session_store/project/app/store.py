"""Session store with the redis-py surface we use (hset/hgetall/hdel/expire/delete/exists).

Production points REDIS_URL at a real Redis; tests and local runs get this in-memory
double. Values come back as str, like ``redis.Redis(decode_responses=True)``.
"""
import os
import time


class MemoryRedis:
    def __init__(self):
        self._hashes = {}
        self._expiry = {}

    def _alive(self, key):
        deadline = self._expiry.get(key)
        if deadline is not None and deadline < time.monotonic():
            self._hashes.pop(key, None)
            self._expiry.pop(key, None)
        return key in self._hashes

    def hset(self, key, mapping):
        self._hashes.setdefault(key, {}).update({k: str(v) for k, v in mapping.items()})
        return len(mapping)

    def hgetall(self, key):
        return dict(self._hashes[key]) if self._alive(key) else {}

    def exists(self, key):
        return int(self._alive(key))

    def expire(self, key, seconds):
        self._expiry[key] = time.monotonic() + seconds

    def delete(self, key):
        self._expiry.pop(key, None)
        return int(self._hashes.pop(key, None) is not None)


def get_redis():
    url = os.getenv("REDIS_URL")
    if url:  # pragma: no cover - production only
        import redis

        return redis.Redis.from_url(url, decode_responses=True)
    return MemoryRedis()


redis_client = get_redis()
