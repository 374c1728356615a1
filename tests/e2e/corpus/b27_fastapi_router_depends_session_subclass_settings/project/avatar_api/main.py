import logging

from fastapi import FastAPI

from .routes import router

logging.basicConfig(level=logging.INFO)

app = FastAPI(title="Avatar backend")
app.include_router(router)


@app.get("/healthz")
def healthz():
    return {"status": "ok"}
