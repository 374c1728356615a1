import asyncio

import e2e_support
from kiosk import run

kiosk = asyncio.run(run(["Ada", "Grace"], e2e_support.viewer.join))
assert kiosk.session_id is None
