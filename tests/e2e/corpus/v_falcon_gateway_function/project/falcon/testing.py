class Result:
    def __init__(self, resp):
        self.status = resp.status
        self.json = resp.media


class TestClient:
    def __init__(self, app):
        self.app = app

    def simulate_post(self, path, json=None):
        return Result(self.app.handle("POST", path, json))

    def simulate_delete(self, path):
        return Result(self.app.handle("DELETE", path))
