import os

SYSTEM = "You are a friendly museum guide. Answer in one or two short sentences."


def answer(question: str) -> str:
    if not os.getenv("OPENAI_API_KEY"):
        # offline demo mode
        return f"Good question! {question.rstrip('?')} is covered in room three."
    from openai import OpenAI

    client = OpenAI()
    resp = client.chat.completions.create(
        model=os.getenv("OPENAI_MODEL", "gpt-4o-mini"),
        messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": question}],
    )
    return resp.choices[0].message.content.strip()
