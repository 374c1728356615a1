import e2e_support
from narrator import main

narration = main("script.txt", e2e_support.viewer.join)
print(len(narration.spoken), "paragraphs")
assert len(narration.spoken) == 3 and all(narration.spoken), narration.spoken
