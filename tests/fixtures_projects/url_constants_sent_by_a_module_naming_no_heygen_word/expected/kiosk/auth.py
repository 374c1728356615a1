def fetch_token():
    # LiveAvatar has no token before the session: the token call (formerly streaming.new) sends the API key and returns the session token. This placeholder is sent nowhere.
    return "no-token-before-session"
