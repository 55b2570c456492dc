/**
 * Updates that arrive before the sender's own items they build on. A stock provider sends new
 * edits as soon as its connection opens, before its sync step 2 (the answer to our step 1) brings
 * what it wrote offline; in a room they would be applied only in part, the rest kept pending in
 * the document, relayed, and sent back to us by every client's next sync step 2 as items we do not
 * have, in another member's name (refused as `client-id` in the vision, `author-field` on a board)
 * and, if the sender's step 2 never comes (its connection drops), pending for good (issue #18's
 * fault run found all three). So such an update is held aside on the room, not checked, stored or
 * relayed, and queued again whenever the document changes: it goes through once what it waits for
 * is in. If the connection closes first it is dropped: the sender still has it, and its next
 * connection's sync step 2 carries it, since our state vector lacks it. A sync step 2 itself is
 * never held: it is all the sender had that we lacked, so what of it still waits can only wait for
 * items nobody will send (pending items a client kept from an older server); its part that Yjs
 * integrates goes on, the rest is left out, as Yjs would leave it aside.
 *
 * Invariant: the document never holds pending items of a member's update that waits for the
 * sender's own items (only the updates' own clients count: an update waiting for someone else's
 * items, from another instance that has not published yet, is the ownership check's to catch up on).
 */
import * as Y from 'yjs';
import { decodedUpdate } from '../../shared/sync/decoded.js';
import { CloseCode } from '../../shared/errors.js';
import { UpdateRule } from '../../shared/sync/content-rules.js';
import type { Pending, RoomPeer } from './room-types.js';

type Struct = Y.Item | Y.GC | Y.Skip;

/** A provider sends a few edits before its step 2; this many from one connection is not a provider. */
const MAX_HELD = 256;
const MAX_HELD_BYTES = 1024 * 1024;

/** How far the document and the updates let through before extend each client's clock. */
export class Reach {
  private readonly ends = new Map<number, number>();

  constructor(private readonly doc: Y.Doc) {}

  private known(client: number): number {
    return Math.max(Y.getState(this.doc.store, client), this.ends.get(client) ?? 0);
  }

  /**
   * The client whose earlier items the update lacks, among its own clients (a gap before its
   * first item of a client, or an origin, right origin or parent of such a client that nothing
   * reaches); null when it can be integrated whole, and then it extends the reach.
   */
  admit(structs: readonly Struct[]): number | null {
    const byClient = new Map<number, Struct[]>();
    for (const s of structs) {
      const list = byClient.get(s.id.client);
      if (list) list.push(s);
      else byClient.set(s.id.client, [s]);
    }
    const ends = new Map<number, number>();
    for (const [client, list] of byClient) {
      let end = this.known(client);
      for (const s of list.sort((a, b) => a.id.clock - b.id.clock)) {
        if (s.id.clock > end) return client;
        if (!(s instanceof Y.Skip)) end = Math.max(end, s.id.clock + s.length);
      }
      ends.set(client, end);
    }
    for (const s of structs) {
      if (!(s instanceof Y.Item)) continue;
      for (const ref of [s.origin, s.rightOrigin, s.parent instanceof Y.ID ? s.parent : null]) {
        if (ref && ref.clock >= (ends.get(ref.client) ?? Infinity)) return ref.client;
      }
    }
    for (const [client, end] of ends) this.ends.set(client, end);
    return null;
  }
}

/** What of `update` Yjs integrates on `doc`, as one update (the update itself if it cannot be tried: the commit refuses it). */
export function integrable(update: Uint8Array, doc: Y.Doc): Uint8Array {
  const trial = new Y.Doc({ gc: doc.gc });
  try {
    Y.applyUpdate(trial, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(trial);
    Y.applyUpdate(trial, update);
    trial.store.pendingStructs = null;
    trial.store.pendingDs = null;
    return Y.encodeStateAsUpdate(trial, before);
  } catch {
    return update;
  } finally {
    trial.destroy();
  }
}

export class HeldUpdates {
  private readonly byPeer = new Map<RoomPeer, Pending[]>();

  /**
   * The updates of `batch` that can be integrated now, in order; the others are held (while their
   * connection is `open`). A connection holding more than a provider ever could is refused (4422 unknown-parent).
   */
  sortOut(batch: Pending[], doc: Y.Doc, open: ReadonlySet<RoomPeer>): Pending[] {
    const reach = new Reach(doc);
    const ready: Pending[] = [];
    for (const p of batch) {
      // A change the server makes is built on the document itself: it never waits.
      if (!p.peer || reach.admit(decodedUpdate(p.update).structs) === null) {
        ready.push(p);
        continue;
      }
      if (p.step2) {
        const update = integrable(p.update, doc);
        const structs = decodedUpdate(update).structs;
        reach.admit(structs);
        ready.push({ ...p, update, structs: structs.some((s) => s instanceof Y.Item && s.content instanceof Y.ContentType) ? structs : null });
        continue;
      }
      // A closed connection's updates are dropped: its next connection's step 2 brings them.
      for (const gone of [...this.byPeer.keys()].filter((peer) => !open.has(peer))) this.byPeer.delete(gone);
      if (!open.has(p.peer)) continue;
      const held = this.byPeer.get(p.peer) ?? [];
      if (held.length === MAX_HELD || held.reduce((n, h) => n + h.update.byteLength, p.update.byteLength) > MAX_HELD_BYTES) {
        p.peer.fail(CloseCode.updateRefused, `update refused: ${UpdateRule.unknownParent}`);
        continue;
      }
      held.push(p);
      this.byPeer.set(p.peer, held);
    }
    return ready;
  }

  /** Every held update of a connection still open, in the order it came; the rest are forgotten. */
  release(open: ReadonlySet<RoomPeer>): Pending[] {
    const out = [...this.byPeer].flatMap(([peer, held]) => (open.has(peer) ? held : []));
    this.byPeer.clear();
    return out;
  }

  get size(): number {
    return this.byPeer.size;
  }
}
