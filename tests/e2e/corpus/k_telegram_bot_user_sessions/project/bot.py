"""Telegram bot: every user gets their own HeyGen streaming avatar (/avatar anna|wayne)."""
import logging
import os

import requests

from tg import Application, CommandHandler

logger = logging.getLogger(__name__)

API_ROOT = "https://api.heygen.com/v1"
HEADERS = {"X-API-Key": os.getenv("HEYGEN_API_KEY", ""), "Content-Type": "application/json"}
AVATARS = {
    "anna": os.getenv("ANNA_AVATAR_ID", "Anna_public_3_20240108"),
    "wayne": os.getenv("WAYNE_AVATAR_ID", "Wayne_20240711"),
}

# user id -> {"session_id", "url", "token", "avatar"}
SESSIONS: dict[int, dict] = {}


async def avatar(update, context):
    user = update.effective_user
    name = context.args[0] if context.args else "anna"
    if name not in AVATARS:
        await update.message.reply_text(f"Pick one of: {', '.join(AVATARS)}")
        return
    if user.id in SESSIONS:
        await update.message.reply_text("You already have an avatar, /bye first.")
        return
    prefs = context.user_data.setdefault("prefs", {"quality": "low"})
    r = requests.post(
        f"{API_ROOT}/streaming.new",
        headers=HEADERS,
        json={**prefs, "avatar_id": AVATARS[name], "version": "v2"},
    )
    r.raise_for_status()
    data = r.json()["data"]
    requests.post(
        f"{API_ROOT}/streaming.start", headers=HEADERS, json={"session_id": data["session_id"]}
    ).raise_for_status()
    SESSIONS[user.id] = {
        "session_id": data["session_id"],
        "url": data["url"],
        "token": data["access_token"],
        "avatar": name,
    }
    context.user_data["avatar"] = name
    logger.info("user %s opened %s", user.id, data["session_id"])
    await update.message.reply_text(f"{name} is ready, watch at {data['url']}")


async def say(update, context):
    session = SESSIONS.get(update.effective_user.id)
    if session is None:
        await update.message.reply_text("No avatar yet, try /avatar")
        return
    text = " ".join(context.args)
    r = requests.post(
        f"{API_ROOT}/streaming.task",
        headers=HEADERS,
        json={"session_id": session["session_id"], "text": text, "task_type": "repeat"},
    )
    if r.status_code != 200:
        await update.message.reply_text("The avatar did not take that :(")
        return
    await update.message.reply_text("🗣")


async def hush(update, context):
    session = SESSIONS.get(update.effective_user.id)
    if session:
        requests.post(
            f"{API_ROOT}/streaming.interrupt",
            headers=HEADERS,
            json={"session_id": session["session_id"]},
        )
        await update.message.reply_text("🤫")


async def bye(update, context):
    session = SESSIONS.pop(update.effective_user.id, None)
    if session is None:
        await update.message.reply_text("Nothing to close")
        return
    requests.post(
        f"{API_ROOT}/streaming.stop", headers=HEADERS, json={"session_id": session["session_id"]}
    )
    context.user_data.pop("avatar", None)
    await update.message.reply_text(f"Bye from {session['avatar']}!")


async def quality(update, context):
    level = context.args[0] if context.args else ""
    if level not in ("low", "medium", "high"):
        await update.message.reply_text("Usage: /quality low|medium|high")
        return
    context.user_data.setdefault("prefs", {})["quality"] = level
    await update.message.reply_text(f"Next avatar in {level} quality")


def build_app() -> Application:
    app = Application()
    app.add_handler(CommandHandler("avatar", avatar))
    app.add_handler(CommandHandler("quality", quality))
    app.add_handler(CommandHandler("say", say))
    app.add_handler(CommandHandler("hush", hush))
    app.add_handler(CommandHandler("bye", bye))
    return app
