class APIException(Exception):
    status_code = 500
    default_detail = "A server error occurred."

    def __init__(self, detail=None):
        self.detail = detail if detail is not None else self.default_detail
        super().__init__(self.detail)


class ValidationError(APIException):
    status_code = 400
