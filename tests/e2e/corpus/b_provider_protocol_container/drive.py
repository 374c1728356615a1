import asyncio

import e2e_support
from app.container import container


async def main():
    session = await container.heygen.create_session()
    e2e_support.viewer.join(session.stream_url, session.stream_token)
    service = container.conversation_service()
    await service.announce(
        session.session_id, ["Your package has shipped.", "It arrives on Tuesday."]
    )
    await service.cancel_current(session.session_id)
    await service.end(session.session_id)


asyncio.run(main())
