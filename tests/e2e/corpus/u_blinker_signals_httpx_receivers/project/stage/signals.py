"""Stage events. Anything in the app can fire them; receivers live in avatar_receivers.py."""
from blinker import Namespace

stage = Namespace()

show_opened = stage.signal("show-opened")
line_cued = stage.signal("line-cued")
question_asked = stage.signal("question-asked")
line_cut = stage.signal("line-cut")
show_closed = stage.signal("show-closed")
