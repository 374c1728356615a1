import httpx

from .retry import Retryable, backoff
from .settings import get_settings

RETRY_STATUS = {429, 502, 503, 504}


class StreamingClient:
    def __init__(self, settings=None):
        self.settings = settings or get_settings()
        self.http = httpx.AsyncClient(
            base_url=self.settings.heygen_base_url,
            headers={"X-Api-Key": self.settings.heygen_api_key, "Accept": "application/json"},
            timeout=self.settings.request_timeout,
        )

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.http.aclose()

    @backoff()
    async def _get(self, path, **params):
        r = await self.http.get(path, params=params or None)
        if r.status_code in RETRY_STATUS:
            raise Retryable(f"{path}: {r.status_code}")
        r.raise_for_status()
        return r.json()

    @backoff()
    async def _post(self, path, payload):
        r = await self.http.post(path, json=payload)
        if r.status_code in RETRY_STATUS:
            raise Retryable(f"{path}: {r.status_code}")
        r.raise_for_status()
        return r.json()["data"]

    async def active_sessions(self):
        body = await self._get("/v1/streaming.list")
        return body["data"]["sessions"]

    async def history(self, page_size=50):
        """Yield every past session, page after page."""
        page = 1
        while True:
            body = await self._get("/v2/streaming.list", page=page, page_size=page_size)
            for row in body["data"]:
                yield row
            if not body.get("next_pagination_token"):
                break
            page += 1

    async def history_total(self):
        body = await self._get("/v2/streaming.list", page=1, page_size=1)
        return body["total"]
