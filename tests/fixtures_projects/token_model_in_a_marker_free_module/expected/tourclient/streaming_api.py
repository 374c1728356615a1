from tourclient.models import NewSessionResponse
from tourclient import liveavatar_bridge


class StreamingApi:
    def __init__(self, api_client):
        self.api_client = api_client

    def streaming_new(self, body):
        # TODO(heygen2liveavatar): H2L101 the avatar id in this body (and any voice or knowledge-base id) must be the UUID of its LiveAvatar copy (see app.liveavatar.com); voices are not migrated
        # TODO(heygen2liveavatar): H2L101 pass the parsed /v1/sessions/token response to `liveavatar_bridge.start_session(...)`: LiveAvatar returns the LiveKit room (and `ws_url`) only from /v1/sessions/start
        return self.api_client.call_api(
            "/v1/sessions/token",
            "POST",
            body=liveavatar_bridge.session_body(body, "FULL"),
            response_type=NewSessionResponse,
        )
