import os

import httpx

from .control import AvatarControl
from .llm import Chat


async def handle(avatar_id):
    headers = {"X-API-KEY": os.environ['LIVEAVATAR_API_KEY']}
    async with httpx.AsyncClient(headers=headers) as http:
        control = AvatarControl(http)
        return await control.open(avatar_id)


async def ask(question):
    async with httpx.AsyncClient(headers={"Authorization": f"Bearer {os.environ['OPENAI_API_KEY']}"}) as http:
        return await Chat(http).ask(question)
