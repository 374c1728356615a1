import os

import httpx

from .commands import Command

ROUTES = {"/health": "ok"}


class Gateway:
    def __init__(self):
        self._http = httpx.AsyncClient(
            base_url="https://api.liveavatar.com", headers={"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]}
        )

    async def execute(self, command: Command):
        # TODO(heygen2liveavatar): H2L901 this call sends the `path` of the object it is given, a HeyGen streaming URL in `CloseSession`, `OpenSession`, `Say`, chosen at run time, and LiveAvatar has no request for some of them: `streaming.new` is the token call, the session then started with `liveavatar_bridge.start_session`; `streaming.task` is a LiveKit event (`liveavatar_bridge.emit(session_id, ...)`); dispatch on the command here by hand
        resp = await self._http.post(command.path, json=command.payload())
        resp.raise_for_status()
        return resp.json()["data"]

    def route(self, command: Command):
        return ROUTES.get(command.path)
