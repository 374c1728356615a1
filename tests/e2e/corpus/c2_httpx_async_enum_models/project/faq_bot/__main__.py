import asyncio

from . import main

asyncio.run(main(on_room=lambda url, token: print("viewer:", url)))
