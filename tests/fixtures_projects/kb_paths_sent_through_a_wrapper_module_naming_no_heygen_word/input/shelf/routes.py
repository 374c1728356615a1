KB = "/v1/streaming/knowledge_base"
KB_LIST = KB + "/list"
KB_ITEM = KB + "/{kb_id}"
KB_DROP = KB_ITEM + "/delete"
