from fastapi import FastAPI

from .routers import live, videos

app = FastAPI()
app.include_router(live.router)
app.include_router(videos.router)
