"""`python pick_and_greet.py Anna`"""

import e2e_support
import pick_and_greet

room = pick_and_greet.main(["Anna"])
e2e_support.viewer.join(room["url"], room["access_token"])
pick_and_greet.greet(room["session_id"], ["Hello from the avatar you picked!", "Goodbye."])
pick_and_greet.close(room["session_id"])
