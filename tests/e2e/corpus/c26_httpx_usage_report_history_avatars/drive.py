import io

import usage_report

sid = usage_report.smoke_test()
assert sid
names = usage_report.avatar_names()
assert names, names
buf = io.StringIO()
assert usage_report.report(buf) == 1
assert buf.getvalue().startswith("sessions,1")
