"""The lobby screen runs the receptionist script; its viewer joins the printed room."""

import e2e_support
import receptionist

receptionist.main(
    ["Where is the elevator?", "Is there a cafe in the building?"],
    on_room=lambda url, token: e2e_support.viewer.join(url, token),
)
