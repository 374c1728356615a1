# coding: utf-8
from heygen_streaming.models import NewSessionResponse


class StreamingApi:
    def __init__(self, api_client):
        self.api_client = api_client

    def streaming_new(self, new_session_request):
        return self.api_client.call_api(
            "/v1/streaming.new", "POST", body=new_session_request.to_dict(),
            response_type=NewSessionResponse, auth_settings=["ApiKeyAuth"],
        )

    def streaming_start(self, session_id_request):
        return self.api_client.call_api(
            "/v1/streaming.start", "POST", body=session_id_request.to_dict(), auth_settings=["ApiKeyAuth"]
        )

    def streaming_task(self, task_request):
        return self.api_client.call_api(
            "/v1/streaming.task", "POST", body=task_request.to_dict(), auth_settings=["ApiKeyAuth"]
        )

    def streaming_stop(self, session_id_request):
        return self.api_client.call_api(
            "/v1/streaming.stop", "POST", body=session_id_request.to_dict(), auth_settings=["ApiKeyAuth"]
        )
