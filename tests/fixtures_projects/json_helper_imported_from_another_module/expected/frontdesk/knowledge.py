from .client import BASE_URL, check

KB_URL = f"{BASE_URL}/contexts"


def list_knowledge_bases(http):
    # TODO(heygen2liveavatar): H2L303 check how this code reads the list: `GET /v1/contexts` items carry `id`, `name`, `created_at`, `updated_at` (`GET /v1/contexts/{id}` has `prompt` and `opening_text`)
    body = check(http.get(KB_URL))
    data = body["data"]
    return data["results"] if isinstance(data, dict) else data
