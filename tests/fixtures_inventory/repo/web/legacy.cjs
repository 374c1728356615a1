const SA = require("@heygen/streaming-avatar");

async function connect(token) {
  const avatar = new SA({ token });
  const { StreamingEvents } = await import("@heygen/streaming-avatar");
  avatar.on(StreamingEvents.AVATAR_START_TALKING, () => {});
  return avatar;
}

module.exports = { connect };
