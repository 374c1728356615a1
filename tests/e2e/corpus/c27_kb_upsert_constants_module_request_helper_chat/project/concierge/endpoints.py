# HeyGen endpoints used by the concierge (paths only; the host comes from settings)
SESSION_NEW = "/v1/streaming.new"
SESSION_START = "/v1/streaming.start"
SESSION_TASK = "/v1/streaming.task"
SESSION_STOP = "/v1/streaming.stop"

KB_LIST = "/v1/streaming/knowledge_base/list"
KB_CREATE = "/v1/streaming/knowledge_base/create"
KB_ITEM = "/v1/streaming/knowledge_base/{kb_id}"
KB_DELETE = KB_ITEM + "/delete"
