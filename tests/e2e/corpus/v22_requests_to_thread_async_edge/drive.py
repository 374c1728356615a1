import asyncio
import os

import avatar_stream
from e2e_support import viewer


async def run():
    session_id, url, access_token = await avatar_stream.create_streaming_session(
        os.environ["AVATAR_ID"]
    )
    await avatar_stream.start_streaming_session(session_id)
    viewer.join(url, access_token)
    await avatar_stream.send_text(session_id, "The next train to Lisbon leaves at 14:05.")
    await avatar_stream.send_text(session_id, "Do you need a return ticket?", task_type="chat")
    await avatar_stream.close_session(session_id)


asyncio.run(run())
