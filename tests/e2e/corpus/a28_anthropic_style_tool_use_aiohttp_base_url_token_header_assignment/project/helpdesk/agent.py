"""The help-desk agent: the model answers with tool_use blocks, we run them."""

import json

TOOLS = [
    {
        "name": "speak",
        "description": "Say something to the employee through the avatar.",
        "input_schema": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]},
    },
    {
        "name": "stop_speaking",
        "description": "Stop the avatar mid-sentence.",
        "input_schema": {"type": "object", "properties": {}},
    },
    {
        "name": "reset_password",
        "description": "Send a password-reset link to the employee.",
        "input_schema": {"type": "object", "properties": {"user": {"type": "string"}}, "required": ["user"]},
    },
]


class HelpDeskAgent:
    def __init__(self, model, avatar):
        self.model = model
        self.avatar = avatar
        self.messages = []
        self.resets = []

    async def tool_speak(self, text):
        result = await self.avatar.speak(text)
        return {"task_id": result.get("task_id")}

    async def tool_stop_speaking(self):
        await self.avatar.interrupt()
        return {"stopped": True}

    async def tool_reset_password(self, user):
        self.resets.append(user)
        return {"sent_to": f"{user}@example.com"}

    async def turn(self, user_text):
        self.messages.append({"role": "user", "content": user_text})
        reply = self.model(self.messages, tools=TOOLS)
        self.messages.append({"role": "assistant", "content": reply})
        results = []
        for block in reply:
            if block.get("type") != "tool_use":
                continue
            handler = getattr(self, f"tool_{block['name']}")
            output = await handler(**block["input"])
            results.append({"type": "tool_result", "tool_use_id": block["id"], "content": json.dumps(output)})
        if results:
            self.messages.append({"role": "user", "content": results})
        return len(results)
