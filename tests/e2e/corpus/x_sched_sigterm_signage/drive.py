"""The service as `main()` runs it; `systemctl stop` (SIGTERM) arrives once the playlist has played."""

import os
import signal

import e2e_support
import signage

signal.signal(signal.SIGTERM, signage.on_sigterm)
signage.play("playlist.json", e2e_support.viewer.join)
os.kill(os.getpid(), signal.SIGTERM)
signal.pause()  # not reached: the handler exits
