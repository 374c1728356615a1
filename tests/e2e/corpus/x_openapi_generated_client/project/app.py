"""Product-tour presenter built on our generated HeyGen client."""
import os

import heygen_streaming
from heygen_streaming import NewSessionRequest, SessionIdRequest, TaskRequest

configuration = heygen_streaming.Configuration(
    host="https://api.heygen.com",
    api_key={"ApiKeyAuth": os.environ["HEYGEN_API_KEY"]},
)


def present(lines, on_room):
    with heygen_streaming.ApiClient(configuration) as api_client:
        api = heygen_streaming.StreamingApi(api_client)
        created = api.streaming_new(
            NewSessionRequest(avatar_id=os.environ["TOUR_AVATAR_ID"], quality="medium", version="v2")
        )
        session_id = created.data.session_id
        api.streaming_start(SessionIdRequest(session_id=session_id))
        on_room(created.data.url, created.data.access_token)
        try:
            for line in lines:
                api.streaming_task(TaskRequest(session_id=session_id, text=line, task_type="repeat"))
        finally:
            api.streaming_stop(SessionIdRequest(session_id=session_id))
