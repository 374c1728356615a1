from minidj import Model


class AvatarSession(Model):
    """One row per streaming session we opened (session_id, livekit url/token for the kiosk page)."""

    # session_id = models.CharField(max_length=64, unique=True)
    # url = models.URLField()
    # access_token = models.TextField()
    # status = models.CharField(max_length=16, default="new")

    def __str__(self):
        return f"AvatarSession({self.session_id}, {self.status})"
