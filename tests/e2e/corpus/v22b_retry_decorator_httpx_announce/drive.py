import announce
import e2e_support

code = announce.main(
    ["Attention please: the store closes in fifteen minutes.", "Thank you for shopping with us."],
    on_ready=lambda url, token: e2e_support.viewer.join(url, token),
)
assert code == 0, code
