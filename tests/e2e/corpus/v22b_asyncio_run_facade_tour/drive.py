"""The tour script run once."""

import e2e_support
import tour

guide = tour.Guide()
sess = guide.new()
guide.start(sess)
e2e_support.viewer.join(sess.url, sess.access_token)
guide.say(sess, "This is the main hall, built in 1890.")
guide.ping(sess)
guide.say(sess, "On your left, the famous staircase.")
guide.stop(sess)
