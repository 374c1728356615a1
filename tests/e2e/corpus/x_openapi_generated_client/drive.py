"""The sales team runs the product tour."""

import app
import e2e_support

app.present(
    ["This is the dashboard.", "Reports update every five minutes."],
    e2e_support.viewer.join,
)
