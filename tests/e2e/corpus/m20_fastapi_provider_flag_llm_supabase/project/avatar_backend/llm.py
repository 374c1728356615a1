import logging
import os

import requests

log = logging.getLogger(__name__)

OPENAI_URL = "https://api.openai.com/v1/chat/completions"
SYSTEM_PROMPT = (
    "You are Maya, the front desk assistant of Northwind Dental. Answer in one or two short "
    "sentences, friendly, no markdown."
)

CANNED = {
    "hours": "We are open from eight to six on weekdays.",
    "parking": "There is free parking behind the building.",
}


def answer(question: str, history=None) -> str:
    key = os.getenv("OPENAI_API_KEY")
    if not key:
        # local dev without a key: keyword answers so the avatar still says something
        q = question.lower()
        for word, text in CANNED.items():
            if word in q:
                return text
        return "Let me check that for you and get back to you."
    messages = [{"role": "system", "content": SYSTEM_PROMPT}]
    messages += history or []
    messages.append({"role": "user", "content": question})
    r = requests.post(
        OPENAI_URL,
        headers={"Authorization": f"Bearer {key}"},
        json={"model": os.getenv("OPENAI_MODEL", "gpt-4o-mini"), "messages": messages, "temperature": 0.3},
        timeout=30,
    )
    r.raise_for_status()
    return r.json()["choices"][0]["message"]["content"].strip()
