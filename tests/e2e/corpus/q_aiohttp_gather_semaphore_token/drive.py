"""The webinar tool presents a script, then asks one question, and shows the room."""

import asyncio

import e2e_support
import presenter

results = asyncio.run(
    presenter.present(
        ["Good afternoon.", "Today we look at the quarterly numbers.", "Let us begin."],
        question="What were the highlights of the quarter?",
        on_room=e2e_support.viewer.join,
    )
)
assert len(results) == 4, results
