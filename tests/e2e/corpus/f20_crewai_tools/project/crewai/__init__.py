"""Vendored, offline subset of CrewAI used by this repo's demos and tests.

Only what presenter_crew.py needs: Agent, Task, Crew and the @tool decorator.
The "LLM" is a scripted plan so the crew runs without network access.
"""
from .agent import Agent, Crew, Task

__all__ = ["Agent", "Crew", "Task"]
