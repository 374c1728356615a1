"""H2L302: ``GET /v1/streaming/avatar.list`` becomes ``GET /v1/avatars/public`` (+ ``/v1/avatars``)."""

from __future__ import annotations

from ..analysis.list_items import evidenced_item_reads
from ..apispec.resources import AVATAR_LIST_SHAPE, PUBLIC_AVATARS_PATH, USER_AVATARS_PATH
from ..model import FIX_UNSAFE
from .base import Rule, RuleContext
from .common import json_tracer, rewrite_endpoint_paths
from .h2l301_session_lists import item_read, migrate_list_reads

_SPLIT = (
    f"HeyGen listed public and your own avatars together; LiveAvatar lists them apart: this "
    f"call now gets the public ones (`GET {PUBLIC_AVATARS_PATH}`); add `GET {USER_AVATARS_PATH}` "
    "(X-API-KEY) for your own (HeyGen avatars were copied there under new ids), and follow "
    "`data.next`: both are paginated"
)


# Keys only an avatar-list item has: a variable read with one of them is such an item.
_AVATAR_ONLY_KEYS = frozenset({"pose_name", "normal_preview"})


class AvatarListRule(Rule):
    code = "H2L302"
    name = "avatar-list"
    summary = (
        "`GET /v1/streaming/avatar.list` becomes `GET /v1/avatars/public` (your own avatars "
        "are `GET /v1/avatars`); item fields are renamed."
    )
    fix = FIX_UNSAFE
    description = """
HeyGen's `GET /v1/streaming/avatar.list` returned every avatar usable for streaming, public and
your own, in `data[]`. LiveAvatar splits the list: `GET /v1/avatars/public` (no auth needed)
and `GET /v1/avatars` (your avatars, with `X-API-KEY`). Both are paginated (`page`,
`page_size` up to 100, `data.next`).

The rule points the call at `GET /v1/avatars/public` and leaves a marker to add the second call
where the code needs your own avatars: one call becoming two changes the code's structure,
which is a person's decision. It then follows the response through the code that reads it:

- `data` becomes `data.results`;
- item `avatar_id` becomes `id`, `pose_name` becomes `name`, `normal_preview` becomes
  `preview_url`, and `default_voice` (a voice id string) becomes `default_voice.id`;
- `is_public` is gone (which endpoint answered tells it), and a use of `created_at` as a
  number is reported: it is an ISO 8601 string.

Avatar ids are not portable: HeyGen avatars were copied into LiveAvatar under new UUIDs.
"""
    example_before = """
import requests

def avatar_choices(headers):
    resp = requests.get("https://api.heygen.com/v1/streaming/avatar.list", headers=headers)
    return {a["avatar_id"]: a["pose_name"] for a in resp.json()["data"]}
"""
    example_after = """
import requests

def avatar_choices(headers):
    # TODO(heygen2liveavatar): H2L302 HeyGen listed public and your own avatars together; LiveAvatar lists them apart: this call now gets the public ones (`GET /v1/avatars/public`); add `GET /v1/avatars` (X-API-KEY) for your own (HeyGen avatars were copied there under new ids), and follow `data.next`: both are paginated
    resp = requests.get("https://api.liveavatar.com/v1/avatars/public", headers=headers)
    return {a["id"]: a["name"] for a in resp.json()["data"]["results"]}
"""

    def check(self, ctx: RuleContext) -> None:
        rewritten = rewrite_endpoint_paths(ctx, "avatar_list")
        for literal in rewritten:
            if not literal.requests:
                ctx.manual(literal.node, _SPLIT)
            for request in literal.requests:
                ctx.manual(request.node, _SPLIT)
        tracer = json_tracer(ctx)
        done: set[object] = set()
        lists = False
        for request in ctx.streaming_requests:
            if request.endpoint is not None and request.endpoint.key == "avatar_list":
                migrate_list_reads(ctx, tracer.trace(request), AVATAR_LIST_SHAPE, done)
                lists = True
        if not lists:
            return
        # Items read where the flow is lost (a chooser function's parameter, its caller).
        keys = frozenset(AVATAR_LIST_SHAPE.item_renames) | frozenset(AVATAR_LIST_SHAPE.item_objects)
        for read in evidenced_item_reads(ctx.index, keys, _AVATAR_ONLY_KEYS):
            if id(read.node) not in done and id(read.key_node) not in ctx.edits.transforms:
                done.add(id(read.node))
                item_read(ctx, AVATAR_LIST_SHAPE, read.node, read.key_node, read.key)
