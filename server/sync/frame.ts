/**
 * WebSocket frames for broadcasts. A message relayed to N connections is framed once (RFC 6455:
 * server frames are unmasked) and the same bytes are written to every socket, instead of letting
 * `ws` build a header and issue writes per connection. Valid because permessage-deflate is off
 * on the sync endpoint, so `ws` never holds frames back in a queue of its own.
 */
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

const frames = new WeakMap<Uint8Array, Buffer>();

/** The binary frame carrying `data` (memoised per message object). */
export function binaryFrame(data: Uint8Array): Buffer {
  let frame = frames.get(data);
  if (frame) return frame;
  const len = data.byteLength;
  const head = len < 126 ? 2 : len < 65_536 ? 4 : 10;
  frame = Buffer.allocUnsafe(head + len);
  frame[0] = 0x82; // FIN, opcode 2 (binary)
  if (len < 126) frame[1] = len;
  else if (len < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(len, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(len / 2 ** 32), 2);
    frame.writeUInt32BE(len >>> 0, 6);
  }
  frame.set(data, head);
  frames.set(data, frame);
  return frame;
}

/** The TCP socket under a `ws` WebSocket (a private field of `ws` 8; checked at runtime). */
export function rawSocket(ws: WebSocket): Socket | null {
  const s = (ws as unknown as { _socket?: Socket })._socket;
  return s && typeof s.write === 'function' ? s : null;
}
