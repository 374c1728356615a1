from .settings import API_ROOT

SESSION_NEW = API_ROOT + "/streaming.new"
SESSION_START = API_ROOT + "/streaming.start"
SESSION_TASK = API_ROOT + "/streaming.task"
SESSION_STOP = API_ROOT + "/streaming.stop"

KNOWLEDGE = API_ROOT + "/streaming/knowledge_base"
KNOWLEDGE_LIST = KNOWLEDGE + "/list"
KNOWLEDGE_NEW = KNOWLEDGE + "/create"
KNOWLEDGE_ITEM = KNOWLEDGE + "/%s"
KNOWLEDGE_DELETE = KNOWLEDGE_ITEM + "/delete"
