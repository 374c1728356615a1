# coding: utf-8
class Configuration:
    def __init__(self, host="https://api.heygen.com", api_key=None, timeout=30):
        self.host = host
        self.api_key = api_key or {}
        self.timeout = timeout

    def auth_settings(self):
        return {
            "ApiKeyAuth": {"in": "header", "key": "X-Api-Key", "value": self.api_key.get("ApiKeyAuth")},
        }
