class APIException(Exception):
    status_code = 500
    default_detail = "A server error occurred."

    def __init__(self, detail=None):
        super().__init__(detail or self.default_detail)
        self.detail = detail or self.default_detail


class NotFound(APIException):
    status_code = 404
    default_detail = "Not found."


class ValidationError(APIException):
    status_code = 400
