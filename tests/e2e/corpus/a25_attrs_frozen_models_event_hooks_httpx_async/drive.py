"""The showroom screen: open the presenter, show it, play the walkaround script."""

import asyncio

import e2e_support
from showroom.presenter import Presenter


async def main() -> None:
    presenter = Presenter()
    session = await presenter.open()
    e2e_support.viewer.join(session.url, session.token)
    await presenter.present("Meet the new Aurora EV, 600 kilometres on one charge.")
    await presenter.present("The cabin is made from recycled materials.")
    assert presenter.session is not None and presenter.session.speaking
    await presenter.close()


asyncio.run(main())
