"""The front desk's morning routine, quality overridden on the command line."""

import e2e_support
import reception

reception.main(
    ["Good morning! Please take a visitor badge.", "Meeting rooms are on the third floor."],
    e2e_support.viewer.join,
    quality="medium",
)
