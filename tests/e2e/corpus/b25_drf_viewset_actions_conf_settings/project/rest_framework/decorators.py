def action(detail=False, methods=None, url_path=None, **kwargs):
    def decorate(func):
        func.mapping = {m.lower() for m in (methods or ["get"])}
        func.detail = detail
        func.url_path = url_path or func.__name__
        return func

    return decorate
