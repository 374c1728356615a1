"""Answers for the desk. Uses OpenAI when a key is configured, canned answers otherwise."""
import requests

from .config import Settings

OPENAI_URL = "https://api.openai.com/v1/chat/completions"
SYSTEM = "You are the front desk of the Harbour Hotel. Answer in one or two short sentences."
CANNED = {
    "checkout": "Checkout is at eleven. Late checkout until one is free for members.",
    "breakfast": "Breakfast is served from seven to ten in the Atrium.",
}


def answer(question: str, settings: Settings) -> str:
    if not settings.openai_api_key:
        for word, reply in CANNED.items():
            if word in question.lower():
                return reply
        return "Let me find a colleague who can help you with that."
    resp = requests.post(
        OPENAI_URL,
        headers={"Authorization": f"Bearer {settings.openai_api_key}"},
        json={
            "model": settings.openai_model,
            "messages": [{"role": "system", "content": SYSTEM}, {"role": "user", "content": question}],
        },
        timeout=30,
    )
    resp.raise_for_status()
    return resp.json()["choices"][0]["message"]["content"].strip()
