"""The kiosk's launcher: three visitors arrive while the screen shows the avatar."""

import asyncio

import e2e_support
from kiosk.lobby import run

asyncio.run(run(["Mara", "Tomas", "Ines"], e2e_support.viewer.join))
