import announcer
import e2e_support

recap, live = announcer.run(["Gates open at nine.", "Correction: gates open at ten."])
assert recap
e2e_support.viewer.join(live["url"], live["access_token"])
announcer.stop(live)
