from fastapi import FastAPI

from api.routes import router

app = FastAPI(title="avatar sessions")
app.include_router(router)
