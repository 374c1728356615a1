KB_ROOT = "/v1/contexts"
KB_LIST = KB_ROOT
KB_CREATE = KB_ROOT
KB_ONE = "/v1/contexts/{kb_id}"
KB_REMOVE = KB_ONE
