"""The station's announcement feed for the next few minutes."""

import e2e_support
import worker

worker.run(
    [
        "The 9:40 to Leeds departs from platform 4.",
        "Please mind the gap between the train and the platform.",
    ],
    e2e_support.viewer.join,
)
