"""The producer presses play on today's rundown."""

import e2e_support
import rundown

rundown.run("rundown.csv", e2e_support.viewer.join)
