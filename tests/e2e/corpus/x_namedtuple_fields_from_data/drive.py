"""Quiz night: the host goes on air and reads the round."""

import e2e_support
import quiz

quiz.host(e2e_support.viewer.join)
