import e2e_support
import picker
import studio

client, stage = studio.main(pick=0)
e2e_support.viewer.join(stage["url"], stage["token"])
assert stage["label"]
picker.off_air(client, stage)
