from aiohttp import web

from .utils import heygen_post

routes = web.RouteTableDef()


@routes.post("/videos")
async def render(request):
    payload = await request.json()
    data = await heygen_post(
        "/v2/video/generate",
        {
            "title": payload.get("title", "clip"),
            "video_inputs": [
                {
                    "character": {"type": "avatar", "avatar_id": payload["avatar_id"]},
                    "voice": {"type": "text", "input_text": payload["script"]},
                }
            ],
        },
    )
    return web.json_response({"video_id": data["video_id"]})
