"""HeyGen API paths used by the help desk."""

STREAMING_NEW = "/v1/streaming.new"
STREAMING_START = "/v1/streaming.start"
STREAMING_TASK = "/v1/streaming.task"
STREAMING_STOP = "/v1/streaming.stop"

KB_LIST = "/v1/streaming/knowledge_base/list"
KB_CREATE = "/v1/streaming/knowledge_base/create"
KB_DETAIL = "/v1/streaming/knowledge_base/{kb_id}"
KB_DELETE = "/v1/streaming/knowledge_base/{kb_id}/delete"
