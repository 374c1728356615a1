class Chat:
    def __init__(self, http):
        self.http = http

    async def ask(self, question):
        r = await self.http.post("https://api.openai.com/v1/responses", json={"input": question})
        return r.json()
