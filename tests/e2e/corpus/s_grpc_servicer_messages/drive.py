import os

import e2e_support
from avatar_rpc import avatar_pb2
from avatar_rpc.grpc_stub import RpcError, ServicerContext
from avatar_rpc.servicer import AvatarServicer

servicer = AvatarServicer()
ctx = ServicerContext()
reply = servicer.OpenSession(
    avatar_pb2.OpenSessionRequest(
        avatar_id=os.environ["AVATAR_ID"], knowledge_base_id=os.environ["KB_ID"]
    ),
    ctx,
)
e2e_support.viewer.join(reply.room_url, reply.room_token)
sid = reply.session_id
print(
    servicer.Speak(avatar_pb2.SpeakRequest(session_id=sid, text="Hello from the RPC layer."), ctx)
)
print(
    servicer.Speak(
        avatar_pb2.SpeakRequest(
            session_id=sid, text="What can you tell me about shipping?", mode="SPEAK_MODE_ANSWER"
        ),
        ctx,
    )
)
servicer.Interrupt(avatar_pb2.SessionRequest(session_id=sid), ctx)
try:
    servicer.Speak(avatar_pb2.SpeakRequest(session_id="nope", text="x"), ctx)
except RpcError as err:
    print("expected:", err.code)
servicer.CloseSession(avatar_pb2.SessionRequest(session_id=sid), ctx)
