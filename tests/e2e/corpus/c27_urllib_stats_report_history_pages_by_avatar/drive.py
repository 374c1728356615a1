import avatar_stats
import smoke

assert avatar_stats.active() == {}
smoke.smoke("Nightly check one.")
smoke.smoke("Nightly check two.")
assert avatar_stats.main(["active"]) == 0
per_avatar = avatar_stats.report()
assert len(per_avatar) == 1, per_avatar
assert next(iter(per_avatar.values())) > 0
