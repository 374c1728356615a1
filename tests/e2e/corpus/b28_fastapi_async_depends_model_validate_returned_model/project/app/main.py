from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from .heygen import HeyGenError
from .routers import avatar

app = FastAPI(title="Avatar backend")
app.include_router(avatar.router, prefix="/api")


@app.exception_handler(HeyGenError)
async def heygen_failed(request: Request, exc: HeyGenError):
    return JSONResponse({"error": exc.detail}, status_code=502)


@app.get("/health")
async def health():
    return {"ok": True}
