class HeyStreamError(Exception):
    def __init__(self, endpoint, status, message):
        super().__init__(f"{endpoint}: {status} {message}")
        self.endpoint = endpoint
        self.status = status
