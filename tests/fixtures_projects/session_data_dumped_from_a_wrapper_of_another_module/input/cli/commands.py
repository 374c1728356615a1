import json
import sys


def cmd_new(api, avatar_id):
    data = api.call("streaming.new", {"avatar_id": avatar_id, "version": "v2"})
    api.call("streaming.start", {"session_id": data["session_id"]})
    json.dump(data, sys.stdout, indent=2)


def cmd_stop(api, session_id):
    api.call("streaming.stop", {"session_id": session_id})
