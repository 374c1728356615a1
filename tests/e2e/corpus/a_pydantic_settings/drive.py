from app.streaming import StreamingAvatarClient
from e2e_support import viewer

client = StreamingAvatarClient()
session = client.new_session()
client.start_session(session)
viewer.join(session.url, session.access_token)
client.task(session, "Bom dia! Em que posso ajudar?", task_type="repeat")
client.task(session, "Quais são os horários de atendimento?")
client.stop_session(session)
