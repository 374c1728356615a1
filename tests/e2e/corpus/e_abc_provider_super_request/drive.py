"""The app picks the provider by name and runs a short greeting."""

import e2e_support
from avatars import get_provider

provider = get_provider("heygen")
room = provider.open()
e2e_support.viewer.join(room["url"], room["token"])
provider.speak("Welcome to the onboarding call.")
provider.speak("Let me show you around.")
provider.close()
assert provider.session_id is None
