"""The lobby screen: a token, a room the screen joins, the day's lines, close."""

import os

import e2e_support
import greeter

greeter.get_token()
url, token = greeter.new_session(os.environ["AVATAR_ID"], quality="low")
e2e_support.viewer.join(url, token)
greeter.say("Good morning and welcome.")
greeter.keep_alive()
greeter.say("The cafeteria opens at noon.")
greeter.close()
assert greeter.SESSION == {}
