"""OpenAI tool calls -> HeyGen streaming calls."""

import json

from bot.heygen import HeyGen

# tool name -> (endpoint, fixed fields)
TOOL_MAP = {
    "avatar_say": ("streaming.task", {"task_type": "repeat"}),
    "avatar_answer": ("streaming.task", {"task_type": "chat"}),
    "avatar_hush": ("streaming.interrupt", {}),
    "avatar_ping": ("streaming.keep_alive", {}),
}


class Dispatcher:
    def __init__(self, avatar_id: str, knowledge_base_id: str | None = None):
        self.api = HeyGen()
        body = {"avatar_id": avatar_id, "version": "v2"}
        if knowledge_base_id:
            body["knowledge_base_id"] = knowledge_base_id
        info = self.api.call("streaming.new", **body)
        self.session_id = info["session_id"]
        self.api.call("streaming.start", session_id=self.session_id)
        self.viewer = (info["url"], info["access_token"])

    def run(self, name: str, arguments: str) -> str:
        endpoint, fixed = TOOL_MAP[name]
        args = json.loads(arguments or "{}")
        data = self.api.call(endpoint, session_id=self.session_id, **fixed, **args)
        return json.dumps({"ok": True, **data})

    def close(self):
        self.api.call("streaming.stop", session_id=self.session_id)
