class HTTPException(Exception):
    code = 500
    title = "Internal Server Error"

    def __init__(self, detail=None):
        super().__init__(detail)
        self.detail = detail


class HTTPNotFound(HTTPException):
    code = 404
    title = "Not Found"


class HTTPBadRequest(HTTPException):
    code = 400
    title = "Bad Request"


class HTTPBadGateway(HTTPException):
    code = 502
    title = "Bad Gateway"
