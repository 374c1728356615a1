"""Run the script as its user does: ``python greet.py Good morning, travellers.``; the user reads
its output, the stop's status last."""

import contextlib
import io
import runpy
import sys

output = io.StringIO()
sys.argv = ["greet.py", "Good", "morning,", "travellers."]
with contextlib.redirect_stdout(output):
    runpy.run_path("greet.py", run_name="__main__")
print(output.getvalue())
lines = output.getvalue().splitlines()
assert lines and lines[-1] == "stopped: 200", lines
