"""A visitor taps "start tour" on the kiosk and walks past two exhibits."""

import e2e_support
import museum_guide

museum_guide.run_tour(["sundial", "loom"], e2e_support.viewer.join)
