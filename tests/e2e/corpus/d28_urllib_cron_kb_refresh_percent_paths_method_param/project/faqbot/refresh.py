"""Nightly job: one knowledge base per FAQ page, kept in step with the pages."""
import logging
import sys

from .net import fetch
from .urls import KNOWLEDGE_DELETE, KNOWLEDGE_ITEM, KNOWLEDGE_LIST, KNOWLEDGE_NEW

log = logging.getLogger("faqbot.refresh")
PREFIX = "faq:"


def current():
    bases = fetch(KNOWLEDGE_LIST) or []
    return dict((b["name"][len(PREFIX):], b["id"]) for b in bases if b["name"].startswith(PREFIX))


def refresh(pages):
    have = current()
    done = {"created": 0, "updated": 0, "deleted": 0}
    for slug, page in sorted(pages.items()):
        body = {
            "name": PREFIX + slug,
            "opening": "Hi! Ask me about %s." % page["title"],
            "prompt": "Answer only from this FAQ page:\n" + page["text"],
        }
        if slug in have:
            fetch(KNOWLEDGE_ITEM % have[slug], body)
            done["updated"] += 1
        else:
            fetch(KNOWLEDGE_NEW, body)
            done["created"] += 1
    for slug, kb_id in have.items():
        if slug not in pages:
            fetch(KNOWLEDGE_DELETE % kb_id, {})
            done["deleted"] += 1
    log.info("refresh: %(created)d created, %(updated)d updated, %(deleted)d deleted", done)
    return done


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    refresh({"shipping": {"title": "Shipping", "text": sys.stdin.read()}})
