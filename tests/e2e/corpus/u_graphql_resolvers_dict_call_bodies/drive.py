"""The React app's GraphQL calls, in the order a user's visit makes them."""

import e2e_support
from api.schema import schema


def run(operation, **variables):
    result = schema.execute_sync(operation, variables)
    assert not result.errors, result.errors
    return result.data[operation]


room = run("open_avatar", language="en")
e2e_support.viewer.join(room["server_url"], room["token"])
run("speak", session_id=room["session_id"], text="Hi! Ask me about your order.")
run("interrupt", session_id=room["session_id"])
run("speak", session_id=room["session_id"], text="Sorry, go ahead.")
run("close_avatar", session_id=room["session_id"])
print(schema.context)
