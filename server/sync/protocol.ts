/**
 * The y-websocket wire protocol, as far as the server speaks it. Message = varUint type, payload.
 *   0 sync:      varUint subtype (0 step1: state vector, 1 step2: update, 2 update), varUint8Array
 *   1 awareness: varUint8Array of an awareness update (count, then clientID, clock, JSON state)
 *   3 query awareness (no payload)
 * Type 2 (auth) only ever goes from server to client. Anything else is malformed.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
export const SyncType = { step1: 0, step2: 1, update: 2 } as const;

export type ClientMessage =
  | { type: 'step1'; stateVector: Uint8Array }
  | { type: 'update'; update: Uint8Array; step2: boolean }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'queryAwareness' };

export class MalformedMessage extends Error {}

/** Decodes one client message; throws MalformedMessage for anything outside the protocol. */
export function decodeClientMessage(buf: Uint8Array): ClientMessage {
  try {
    const d = decoding.createDecoder(buf);
    const type = decoding.readVarUint(d);
    let msg: ClientMessage;
    if (type === MessageType.sync) {
      const sub = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (sub === SyncType.step1) msg = { type: 'step1', stateVector: payload };
      else if (sub === SyncType.step2 || sub === SyncType.update) msg = { type: 'update', update: payload, step2: sub === SyncType.step2 };
      else throw new MalformedMessage(`unknown sync message type ${sub}`);
    } else if (type === MessageType.awareness) {
      msg = { type: 'awareness', update: decoding.readVarUint8Array(d) };
    } else if (type === MessageType.queryAwareness) {
      msg = { type: 'queryAwareness' };
    } else {
      throw new MalformedMessage(`unknown message type ${type}`);
    }
    if (decoding.hasContent(d)) throw new MalformedMessage('trailing bytes after the message');
    return msg;
  } catch (err) {
    throw err instanceof MalformedMessage ? err : new MalformedMessage('truncated or unreadable message');
  }
}

export function encodeSync(sub: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** JSON text of the state; 'null' when the client left. */
  state: string;
}

export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const d = decoding.createDecoder(update);
    const count = decoding.readVarUint(d);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      const state = decoding.readVarString(d);
      entries.push({ clientId, clock, state });
    }
    if (decoding.hasContent(d)) throw new MalformedMessage('trailing bytes after the awareness update');
    return entries;
  } catch (err) {
    throw err instanceof MalformedMessage ? err : new MalformedMessage('unreadable awareness update');
  }
}

/** An awareness update (the payload of an awareness message) carrying `entries`. */
export function encodeAwarenessUpdate(entries: Iterable<AwarenessEntry>): Uint8Array {
  const list = [...entries];
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, list.length);
  for (const e of list) {
    encoding.writeVarUint(inner, e.clientId);
    encoding.writeVarUint(inner, e.clock);
    encoding.writeVarString(inner, e.state);
  }
  return encoding.toUint8Array(inner);
}

/** A complete awareness message (type 1) carrying `entries`. */
export function encodeAwarenessMessage(entries: Iterable<AwarenessEntry>): Uint8Array {
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, MessageType.awareness);
  encoding.writeVarUint8Array(outer, encodeAwarenessUpdate(entries));
  return encoding.toUint8Array(outer);
}
