class AuthMixin:
    def create_token(self):
        """A short-lived token for the browser SDK."""
        return self._request("POST", "/v1/streaming.create_token")["data"]["token"]
