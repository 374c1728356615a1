"""A three-slide talk with one interruption; the projector page joins the room."""

import asyncio

import e2e_support
from presenters.orchestrator import present

slides = ["Welcome to the quarterly review.", "--", "Revenue grew twelve percent.", "Questions?"]
assert asyncio.run(present(slides, e2e_support.viewer.join)) == 3
