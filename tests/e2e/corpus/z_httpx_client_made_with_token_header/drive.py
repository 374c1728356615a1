"""The job queue runs the notices job for one kiosk; the kiosk's page joins the room."""

import asyncio
import os

from e2e_support import viewer
from jobs.avatar_job import run_notices

asyncio.run(
    run_notices(
        os.environ["AVATAR_ID"],
        ["The library closes at six today.", "Lost and found is at the front desk."],
        on_ready=viewer.join,
    )
)
