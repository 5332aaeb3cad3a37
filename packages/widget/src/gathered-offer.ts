/** Resolves once the connection has gathered its ICE candidates. */
function gathered(connection: RTCPeerConnection): Promise<void> {
  if (connection.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      if (connection.iceGatheringState !== 'complete') return;
      connection.removeEventListener('icegatheringstatechange', done);
      resolve();
    };
    connection.addEventListener('icegatheringstatechange', done);
  });
}

/**
 * The connection's offer with every ICE candidate in it: the server takes one offer, no trickle (docs/voice.md).
 * Shared by the widget's caller and the agent desktop's softphone.
 */
export async function gatheredOffer(connection: RTCPeerConnection): Promise<string> {
  await connection.setLocalDescription(await connection.createOffer());
  await gathered(connection);
  return connection.localDescription?.sdp ?? '';
}
