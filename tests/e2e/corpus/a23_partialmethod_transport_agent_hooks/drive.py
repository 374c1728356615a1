"""The lobby screen: the reception agent greets a visitor while the screen shows the room."""

import asyncio

import e2e_support
from agent import serve

session_id = asyncio.run(
    serve(
        [
            "Welcome to Northwind. Please sign in at the desk.",
            "/stop-talking",
            "Your host has been told you are here.",
        ],
        on_room=e2e_support.viewer.join,
    )
)
assert session_id
print("session", session_id)
