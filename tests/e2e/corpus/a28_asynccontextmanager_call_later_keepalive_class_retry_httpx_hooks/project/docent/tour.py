from .live import avatar_session, keep_alive, say

STOPS = {
    "entrance": "Welcome to the east gallery.",
    "monet": "These water lilies were painted in 1906.",
    "exit": "Thank you for visiting, the gift shop is to your left.",
}


async def run_tour(on_ready, stops=("entrance", "monet", "exit")):
    async with avatar_session() as avatar:
        on_ready(avatar.livekit_url, avatar.viewer_token)
        for i, stop in enumerate(stops):
            await say(avatar, STOPS[stop])
            if i == 0:
                await keep_alive(avatar)
    return len(stops)
