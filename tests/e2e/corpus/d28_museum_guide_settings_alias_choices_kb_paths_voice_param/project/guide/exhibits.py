"""Publish one knowledge base per exhibit, so that visitors can ask the guide about it."""
from dataclasses import dataclass, field

from .config import settings
from .paths import KB_CREATE, KB_DELETE, KB_LIST, KB_ONE
from .transport import call


@dataclass
class Exhibit:
    slug: str
    title: str
    facts: list[str] = field(default_factory=list)

    def prompt(self) -> str:
        lines = "\n".join(f"* {fact}" for fact in self.facts)
        return f"You are a museum guide at the exhibit '{self.title}'. Known facts:\n{lines}"

    def opening(self) -> str:
        return f"Welcome to {self.title}! Ask me anything about it."


def kb_name(slug: str) -> str:
    return settings().kb_prefix + slug


def published() -> dict[str, str]:
    """name -> knowledge base id, for the bases this guide owns."""
    prefix = settings().kb_prefix
    return {kb["name"]: kb["id"] for kb in call("GET", KB_LIST) if kb["name"].startswith(prefix)}


def publish(exhibits: list[Exhibit]) -> dict[str, list[str]]:
    have = published()
    changes: dict[str, list[str]] = {"created": [], "updated": [], "removed": []}
    wanted = {kb_name(e.slug): e for e in exhibits}
    for name, exhibit in wanted.items():
        body = {"name": name, "opening": exhibit.opening(), "prompt": exhibit.prompt()}
        if name in have:
            call("POST", KB_ONE.format(kb_id=have[name]), body)
            changes["updated"].append(exhibit.slug)
        else:
            created = call("POST", KB_CREATE, body)
            have[name] = created["id"]
            changes["created"].append(exhibit.slug)
    for name, kb_id in list(have.items()):
        if name not in wanted:
            call("POST", KB_DELETE.format(kb_id=kb_id))
            changes["removed"].append(name[len(settings().kb_prefix) :])
    return changes
