import birthday
import e2e_support

session = birthday.start()
e2e_support.viewer.join(session["url"], session["access_token"])
birthday.sing(session["session_id"], "Alex")
birthday.stop(session["session_id"])
