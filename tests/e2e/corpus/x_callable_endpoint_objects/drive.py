"""The concierge screen answers two guests in the evening."""

import concierge
import e2e_support

concierge.run(
    ["Breakfast is served from seven in the garden room.", "The pool closes at ten tonight."],
    e2e_support.viewer.join,
)
