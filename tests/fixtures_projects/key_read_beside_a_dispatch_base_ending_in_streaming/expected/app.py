import os

import avatar_client

avatar_client.configure(os.environ["LIVEAVATAR_API_KEY"])
session = avatar_client.open_session(os.environ.get("AVATAR_ID", "Wayne_20240711"))
print(session["url"], session["access_token"])
avatar_client.close(session["session_id"])
