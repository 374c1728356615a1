# Interactive Avatar paths (https://docs.heygen.com/reference/new-session)
NEW_SESSION = "/v1/streaming.new"
START_SESSION = "/v1/streaming.start"
SEND_TASK = "/v1/streaming.task"
STOP_SESSION = "/v1/streaming.stop"

# knowledge bases
KB_ROOT = "/v1/streaming/knowledge_base"
KB_LIST = KB_ROOT + "/list"
KB_CREATE = KB_ROOT + "/create"
KB_ONE = KB_ROOT + "/{kb_id}"
KB_DELETE = KB_ONE + "/delete"
