import falcon

from avatarapi.gateway import HeyGenGateway
from avatarapi.resources import InterruptResource, SessionResource, UtteranceResource


def create_app():
    gw = HeyGenGateway()
    app = falcon.App()
    app.add_route("/sessions", SessionResource(gw))
    app.add_route("/sessions/{session_id}", SessionResource(gw))
    app.add_route("/sessions/{session_id}/utterances", UtteranceResource(gw))
    app.add_route("/sessions/{session_id}/interrupt", InterruptResource(gw))
    return app


app = create_app()
