# coding: utf-8
import json

import urllib3


class ApiException(Exception):
    def __init__(self, status=None, reason=None, body=None):
        super().__init__(f"({status}) {reason}: {body}")
        self.status, self.reason, self.body = status, reason, body


class ApiClient:
    def __init__(self, configuration):
        self.configuration = configuration
        self.pool_manager = urllib3.PoolManager()
        self.default_headers = {"Accept": "application/json", "Content-Type": "application/json"}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.pool_manager.clear()

    def call_api(self, resource_path, method, body=None, response_type=None, auth_settings=()):
        headers = dict(self.default_headers)
        settings = self.configuration.auth_settings()
        for name in auth_settings:
            auth = settings[name]
            if auth["in"] == "header" and auth["value"]:
                headers[auth["key"]] = auth["value"]
        url = self.configuration.host + resource_path
        r = self.pool_manager.request(
            method, url, body=json.dumps(body) if body is not None else None,
            headers=headers, timeout=self.configuration.timeout,
        )
        if not 200 <= r.status <= 299:
            raise ApiException(r.status, r.reason, r.data.decode("utf-8", "replace"))
        data = json.loads(r.data.decode("utf-8"))
        return response_type.from_dict(data) if response_type is not None else data
