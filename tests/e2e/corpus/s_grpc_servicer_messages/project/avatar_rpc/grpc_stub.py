"""Minimal stand-in for grpc's servicer context (only what the servicer uses)."""


class StatusCode:
    NOT_FOUND = "NOT_FOUND"
    UNAVAILABLE = "UNAVAILABLE"


class RpcError(Exception):
    def __init__(self, code, details):
        super().__init__(f"{code}: {details}")
        self.code, self.details = code, details


class ServicerContext:
    def abort(self, code, details):
        raise RpcError(code, details)
