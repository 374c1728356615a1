"""Avatar booth page served by Starlette with Jinja2 templates. HeyGen is called with aiohttp."""
import os

import aiohttp
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.templating import Jinja2Templates

HEYGEN_BASE_URL = os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com")
templates = Jinja2Templates(directory=os.path.join(os.path.dirname(__file__), "templates"))


async def heygen_post(endpoint: str, payload: dict) -> dict:
    headers = {"x-api-key": os.environ["HEYGEN_API_KEY"]}
    async with aiohttp.ClientSession(headers=headers) as http:
        async with http.post(f"{HEYGEN_BASE_URL}/v1/{endpoint}", json=payload) as resp:
            resp.raise_for_status()
            return await resp.json()


async def booth(request: Request):
    body = await heygen_post(
        "streaming.new",
        {"avatar_id": os.environ["BOOTH_AVATAR_ID"], "knowledge_base_id": os.environ["BOOTH_KB_ID"], "version": "v2"},
    )
    session = body["data"]
    await heygen_post("streaming.start", {"session_id": session["session_id"]})
    return templates.TemplateResponse(request, "booth.html", {"session": session, "booth": "Hall B"})


async def ask(request: Request):
    data = await request.json()
    await heygen_post("streaming.task", {"session_id": data["session_id"], "text": data["question"], "task_type": "chat"})
    return JSONResponse({"ok": True})


async def leave(request: Request):
    data = await request.json()
    await heygen_post("streaming.stop", {"session_id": data["session_id"]})
    return JSONResponse({"ok": True})


app = Starlette(routes=[Route("/", booth), Route("/ask", ask, methods=["POST"]), Route("/leave", leave, methods=["POST"])])
