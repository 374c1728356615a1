class KnowledgeBaseMixin:
    def list_knowledge_bases(self):
        return self._request("GET", "/v1/streaming/knowledge_base/list")["data"]
