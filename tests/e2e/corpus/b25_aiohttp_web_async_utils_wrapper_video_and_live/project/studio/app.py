from aiohttp import web

from . import live, videos


def make_app():
    app = web.Application()
    app["live"] = {}
    app.add_routes(live.routes)
    app.add_routes(videos.routes)
    return app


if __name__ == "__main__":
    web.run_app(make_app())
