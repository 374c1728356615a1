import json

import urllib3


class ApiClient:
    def __init__(self, host, api_key):
        self.host, self.api_key = host, api_key
        self.pool_manager = urllib3.PoolManager()

    def call_api(self, resource_path, method, body=None, response_type=None):
        r = self.pool_manager.request(
            method, self.host + resource_path, body=json.dumps(body),
            headers={"X-Api-Key": self.api_key, "Content-Type": "application/json"},
        )
        data = json.loads(r.data.decode("utf-8"))
        return response_type.from_dict(data) if response_type is not None else data
