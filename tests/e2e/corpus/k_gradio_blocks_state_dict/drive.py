import re
from html import unescape

import app
import e2e_support

app.start_btn.fire()
# the browser renders the player iframe: it joins with the url and token in it
src = unescape(re.search(r'src="([^"]+)"', app.player.value).group(1))
url = re.search(r"liveKitUrl=([^&]+)", src).group(1)
token = re.search(r"token=([^&\"]+)", src).group(1)
e2e_support.viewer.join(url, token)

app.msg.value = "What are your opening hours?"
app.send_btn.fire()
print(app.chatbot.value)
app.stop_talking_btn.fire()
app.end_btn.fire()
assert app.session_state.value == {}
