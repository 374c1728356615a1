"""The front desk runs the greeter for two guests; the lobby screen shows the avatar."""

import e2e_support
import greeter

greeter.main(["Ada", "Linus"], show=e2e_support.viewer.join)
