class APIError(Exception):
    def __init__(self, status: int, code: int | None, message: str) -> None:
        super().__init__(f"[{status}/{code}] {message}")
        self.status = status
        self.code = code
        self.message = message
