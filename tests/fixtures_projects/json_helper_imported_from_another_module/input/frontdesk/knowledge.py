from .client import BASE_URL, check

KB_URL = f"{BASE_URL}/streaming/knowledge_base"


def list_knowledge_bases(http):
    body = check(http.get(f"{KB_URL}/list"))
    data = body["data"]
    return data["list"] if isinstance(data, dict) else data
