KB = "/v1/contexts"
KB_LIST = KB
KB_ITEM = KB + "/{kb_id}"
KB_DROP = KB_ITEM
