"""A webinar: the presenter reads two slides, pings, reads the closing slide, leaves."""

import asyncio

import e2e_support
from presenter import Presenter, Settings, StreamingClient


async def main() -> None:
    presenter = Presenter(StreamingClient(Settings.from_env()))
    url, token = await presenter.start()
    e2e_support.viewer.join(url, token)
    await presenter.present("Welcome to the quarterly review.", "Revenue grew nine percent.")
    await presenter.ping()
    await presenter.present("Thanks for joining, questions in the chat.")
    await presenter.close()


asyncio.run(main())
