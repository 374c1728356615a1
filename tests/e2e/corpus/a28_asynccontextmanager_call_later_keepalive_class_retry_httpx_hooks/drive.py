"""The docent gives a three-stop tour to a visitor watching the screen."""

import asyncio

import e2e_support
from docent.tour import run_tour

assert asyncio.run(run_tour(e2e_support.viewer.join)) == 3
