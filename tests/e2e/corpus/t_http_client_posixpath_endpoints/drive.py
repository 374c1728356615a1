"""The sales demo run with the viewer open."""

import e2e_support
from avatar_demo import main

main(
    ["Hello! Let me walk you through our product.", "First, the dashboard."],
    show=e2e_support.viewer.join,
)
