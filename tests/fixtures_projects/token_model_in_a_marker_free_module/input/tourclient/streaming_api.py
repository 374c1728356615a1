from tourclient.models import NewSessionResponse


class StreamingApi:
    def __init__(self, api_client):
        self.api_client = api_client

    def streaming_new(self, body):
        return self.api_client.call_api(
            "/v1/streaming.new", "POST", body=body, response_type=NewSessionResponse
        )
