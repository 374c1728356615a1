import announce
import e2e_support

url, token = announce.announce([])
e2e_support.viewer.join(url, token)
print(announce.read_out(["Gate B12 is now boarding.", "Please have your passport ready."]))
announce.finish()
