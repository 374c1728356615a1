class EchoProvider:
    """Offline provider for CI: prints what the avatar would say."""

    def __init__(self):
        self.said = []

    async def open(self, avatar):
        return {"session_id": "echo", "url": "", "token": ""}

    async def speak(self, session_id, text):
        self.said.append(text)
        print(f"[echo] {text}")

    async def interrupt(self, session_id):
        pass

    async def close(self, session_id):
        pass

    async def aclose(self):
        pass
