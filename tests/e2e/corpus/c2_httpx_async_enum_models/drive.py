"""`python -m faq_bot`, with the viewer page opened on the printed room."""

import asyncio

import e2e_support
from faq_bot import main

asyncio.run(main(on_room=e2e_support.viewer.join))
