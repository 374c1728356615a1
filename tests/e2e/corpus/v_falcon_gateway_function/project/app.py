import falcon

from avatarapi.resources import InterruptResource, SessionResource, UtteranceResource


def create_app():
    app = falcon.App()
    app.add_route("/sessions", SessionResource())
    app.add_route("/sessions/{session_id}", SessionResource())
    app.add_route("/sessions/{session_id}/utterances", UtteranceResource())
    app.add_route("/sessions/{session_id}/interrupt", InterruptResource())
    return app


app = create_app()
