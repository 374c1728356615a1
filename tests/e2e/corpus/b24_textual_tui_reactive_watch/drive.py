"""The operator at the terminal; the showroom screen is given the link the panel shows."""

import asyncio

import e2e_support
from avatar_tui import AvatarConsole
from textual.widgets import Input, Static


async def main():
    app = AvatarConsole()
    async with app.run_test() as pilot:
        await pilot.click("#start")
        shown = app.query_one("#link", Static).renderable
        assert shown.startswith("LiveKit: "), shown
        url_line, token_line = shown.splitlines()
        e2e_support.viewer.join(
            url_line.removeprefix("LiveKit: "), token_line.removeprefix("Token: ")
        )

        app.query_one("#line", Input).value = "Welcome to the showroom."
        await pilot.click("#say")
        await pilot.click("#interrupt")
        app.query_one("#line", Input).value = "The new models are on the left."
        await pilot.click("#say")
        await pilot.click("#stop")
        assert app.query_one("#link", Static).renderable == "no session"


asyncio.run(main())
