"""Error hierarchy mirroring HeyGen's envelope codes."""


class APIError(Exception):
    def __init__(self, code, message, status=None, payload=None):
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message
        self.status = status
        self.payload = payload


class AuthError(APIError):
    pass


class SessionNotFoundError(APIError):
    pass


class RateLimitError(APIError):
    retryable = True


_BY_CODE = {
    400112: AuthError,
    10005: SessionNotFoundError,
    10013: APIError,
    10007: RateLimitError,
}


def raise_for_code(body, status=None):
    """HeyGen answers {"code": 100, "data": ..., "message": ...} on success."""
    code = body.get("code", 100) if isinstance(body, dict) else 100
    if code in (100, None) and (status is None or status < 400):
        return body
    exc = _BY_CODE.get(code, APIError)
    raise exc(code, body.get("message") or "unknown error", status=status, payload=body)
