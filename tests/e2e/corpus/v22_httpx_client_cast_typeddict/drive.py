from e2e_support import viewer
from heygen_httpx import HeyGenClient

with HeyGenClient() as client:
    print("active before:", len(client.list_sessions()))
    session = client.new_session()
    client.start(session["session_id"])
    viewer.join(session["url"], session["access_token"])
    client.task(session["session_id"], "Your order has shipped and arrives Thursday.")
    client.keep_alive(session["session_id"])
    client.task(session["session_id"], "Thank you for shopping with us.")
    client.stop(session["session_id"])
