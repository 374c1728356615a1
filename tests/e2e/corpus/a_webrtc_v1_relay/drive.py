"""The browser side of the relay: take the offer, answer it, trickle one candidate."""

import webrtc_relay

offer = webrtc_relay.new_session()
assert offer["sdp"]["type"] == "offer"
answer = {"type": "answer", "sdp": "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\n"}
webrtc_relay.start_session(offer["session_id"], answer)
webrtc_relay.submit_ice(
    offer["session_id"],
    {
        "candidate": "candidate:842163049 1 udp 1677729535 192.0.2.10 53705 typ srflx",
        "sdpMid": "0",
        "sdpMLineIndex": 0,
        "usernameFragment": "a1b2",
    },
)
webrtc_relay.repeat(offer["session_id"], "Hello from the WebRTC relay.")
webrtc_relay.close(offer["session_id"])
