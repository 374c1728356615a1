"""Tonight's bulletin: warm the pipeline up, the studio screen joins, run it, close."""

import e2e_support
from hs_lite import Pipeline
from newsroom.components import AvatarAnchor, ScriptWriter

anchor = AvatarAnchor()
pipe = Pipeline()
pipe.add_component("writer", ScriptWriter())
pipe.add_component("anchor", anchor)
pipe.connect("writer.lines", "anchor.lines")
pipe.warm_up()
e2e_support.viewer.join(*anchor.viewer())
try:
    result = pipe.run({"writer": {"headlines": ["Bridge reopens", "Local team wins"]}})
    assert len(result["anchor"]["task_ids"]) == 4
finally:
    anchor.close()
