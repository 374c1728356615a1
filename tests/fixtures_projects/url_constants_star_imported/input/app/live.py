import os
import requests
from .constants import *

H = {"x-api-key": os.environ["HEYGEN_API_KEY"]}

def open_session():
    data = requests.post(NEW_URL, json={"avatar_id": "x", "version": "v2"}, headers=H).json()["data"]
    requests.post(START_URL, json={"session_id": data["session_id"]}, headers=H)
    return data

def close(sid):
    requests.post(STOP_URL, json={"session_id": sid}, headers=H)
