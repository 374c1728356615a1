"""A one-agent crew that presents a product with the streaming avatar."""
from crewai import Agent, Crew, Task

from avatar_tools import avatar_answer, avatar_say, close_avatar_session, open_avatar_session

presenter = Agent(
    role="Product presenter",
    goal="Present {product} to the audience and answer their question",
    backstory="A friendly presenter who speaks through a video avatar.",
    tools=[open_avatar_session, avatar_say, avatar_answer, close_avatar_session],
    verbose=True,
)


def build_crew(product: str, question: str) -> Crew:
    present = Task(
        description="Introduce {product} and answer the audience question: {question}",
        expected_output="The presentation was given",
        agent=presenter,
        plan=[
            ("Open avatar session", {"quality": "low"}),
            ("Avatar say", {"text": "Welcome! Today I will show you {product}."}),
            ("Avatar answer", {"question": "{question}"}),
            ("Avatar say", {"text": "Thanks for watching."}),
            ("Close avatar session", {}),
        ],
    )
    return Crew(agents=[presenter], tasks=[present])


def run(product: str, question: str, on_room=None):
    room = open_avatar_session.run({"quality": "low"})
    if on_room:
        on_room(room)
    return build_crew(product, question).kickoff(inputs={"product": product, "question": question})
