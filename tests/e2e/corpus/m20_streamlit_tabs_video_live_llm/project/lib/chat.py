import os

import requests

OPENAI_URL = "https://api.openai.com/v1/chat/completions"


def ask_llm(question, history):
    key = os.environ.get("OPENAI_API_KEY")
    if not key:
        return f"(offline) I heard: {question}"
    msgs = [{"role": "system", "content": "You are a concise presenter."}] + history + [
        {"role": "user", "content": question}
    ]
    r = requests.post(OPENAI_URL, headers={"Authorization": f"Bearer {key}"},
                      json={"model": "gpt-4o-mini", "messages": msgs}, timeout=60)
    r.raise_for_status()
    return r.json()["choices"][0]["message"]["content"]
