import requests


class HeyGenStreamingError(Exception):
    pass


class HeyGenStreaming:
    def __init__(self, api_base, api_key, timeout=20.0):
        self.api_base = api_base.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"X-Api-Key": api_key})

    def post(self, op, payload):
        resp = self.session.post("%s/streaming.%s" % (self.api_base, op), json=payload,
                                 timeout=self.timeout)
        if resp.status_code != 200:
            raise HeyGenStreamingError("streaming.%s returned %s" % (op, resp.status_code))
        envelope = resp.json()
        if envelope.get("code") != 100:
            raise HeyGenStreamingError(envelope.get("message", "unknown error"))
        return envelope.get("data") or {}
