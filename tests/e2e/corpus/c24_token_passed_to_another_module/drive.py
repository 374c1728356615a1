"""The viewer joins the room the program shows; it greets and closes."""

import e2e_support
from app.main import run

run(e2e_support.viewer.join)
