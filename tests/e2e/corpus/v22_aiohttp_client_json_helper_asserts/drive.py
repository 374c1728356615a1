"""Run the client's ``main()``; the browser joins the room when the client hands it over."""

import asyncio

import aiohttp_client
from e2e_support import viewer

asyncio.run(aiohttp_client.main(on_ready=viewer.join))
