import asyncio

from e2e_support import viewer
from heygen_httpx import HeyGenClient


async def main() -> None:
    async with HeyGenClient() as client:
        print("active before:", len(await client.list_sessions()))
        session = await client.new_session()
        await client.start(session["session_id"])
        viewer.join(session["url"], session["access_token"])
        await client.task(session["session_id"], "Your order has shipped and arrives Thursday.")
        await client.keep_alive(session["session_id"])
        await client.task(session["session_id"], "Thank you for shopping with us.")
        await client.stop(session["session_id"])


asyncio.run(main())
