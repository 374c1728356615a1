import os

import httpx

from .commands import Command

ROUTES = {"/health": "ok"}


class Gateway:
    def __init__(self):
        self._http = httpx.AsyncClient(
            base_url="https://api.heygen.com", headers={"x-api-key": os.environ["HEYGEN_API_KEY"]}
        )

    async def execute(self, command: Command):
        resp = await self._http.post(command.path, json=command.payload())
        resp.raise_for_status()
        return resp.json()["data"]

    def route(self, command: Command):
        return ROUTES.get(command.path)
