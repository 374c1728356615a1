"""`python bootstrap.py`, then the viewer joins the room it printed."""

import asyncio

import bootstrap
import e2e_support

room = asyncio.run(bootstrap.main())
e2e_support.viewer.join(room["url"], room["access_token"])
asyncio.run(bootstrap.finish(room["session_id"]))
