"""Run the script the way its README says: `python stream_avatar.py`."""

import stream_avatar

stream_avatar.main()
