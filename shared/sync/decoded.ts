/**
 * `Y.decodeUpdate`, once per update: the checks an update passes before it is stored (content
 * rules, the hold, nesting, the guards, attribution) each need its items, and each decoded it
 * again. Keyed by the update's buffer, which the room keeps until the update is stored and
 * relayed; the decoding goes with it. Callers only read the decoded items.
 *
 * For a 4 MB board update (10,000 notes) one decoding is some 80 MB of objects: decoding it in
 * each check took the server's peak from about 100 MB to 500 MB.
 */
import * as Y from 'yjs';

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

const decodings = new WeakMap<Uint8Array, DecodedUpdate>();

/** The update's items and delete set; throws as `Y.decodeUpdate` does on a malformed update. */
export function decodedUpdate(update: Uint8Array): DecodedUpdate {
  let decoded = decodings.get(update);
  if (!decoded) {
    decoded = Y.decodeUpdate(update);
    decodings.set(update, decoded);
  }
  return decoded;
}

/** Lets the decoding go before the update's buffer does (a large update's before it is applied). */
export function forgetDecoded(update: Uint8Array): void {
  decodings.delete(update);
}
