/**
 * The server's first sync of a room arrives as one update that can weigh megabytes (a board of
 * 10,000 elements: 4.3 MB). As long as anything listens to a document's 'update' event, Yjs encodes
 * every transaction once more as an update, and for this one only IndexedDB would use it: the
 * provider does not send back what it applied itself, and the unsent counter counts local changes.
 * On a 10,000-element board that second encoding took 0.17 s of main thread, and its garbage more,
 * before the board could paint (bench:board's profile, issue #19).
 *
 * So until the first sync has been applied, the 'update' listeners named here step aside while a
 * transaction of the provider's runs, and come back for any other (a local edit made meanwhile is
 * encoded, sent and stored as always). IndexedDB gets the server's own bytes instead: the sync
 * message handler of the provider (its per-instance `messageHandlers`) is wrapped to read the
 * update out of each sync message before applying it. Views that only re-render on changes listen
 * without 'update' (shared/sync/doc-change.ts), or Yjs would encode the sync for them anyway.
 */
import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import { messageSync, type WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

type UpdateListener = (update: Uint8Array, origin: unknown) => void;
type SyncProvider = Pick<WebsocketProvider, 'messageHandlers' | 'once'>;

export function deferFirstSyncEncoding(doc: Y.Doc, provider: SyncProvider, listeners: UpdateListener[], store: ((update: Uint8Array) => void) | null): void {
  let aside = false;
  /** Whether the message being handled ran a transaction with the listeners aside. */
  let skipped = false;
  const attach = () => {
    if (!aside) return;
    aside = false;
    for (const f of listeners) doc.on('update', f);
  };
  const onBefore = (tr: Y.Transaction) => {
    if (tr.origin !== provider) return attach();
    skipped = true;
    if (aside) return;
    aside = true;
    for (const f of listeners) doc.off('update', f);
  };
  doc.on('beforeTransaction', onBefore);

  const handlers = provider.messageHandlers;
  const handleSync = handlers[messageSync]!;
  handlers[messageSync] = (encoder, decoder, p, emitSynced, type) => {
    const peek = decoding.clone(decoder);
    const kind = decoding.readVarUint(peek);
    const update = kind === messageYjsSyncStep2 || kind === messageYjsUpdate ? decoding.readVarUint8Array(peek) : null;
    skipped = false;
    handleSync(encoder, decoder, p, emitSynced, type);
    // A view of the whole message: stored as a copy of its own.
    if (skipped && update && store) store(update.slice());
  };
  provider.once('sync', () => {
    doc.off('beforeTransaction', onBefore);
    attach();
    handlers[messageSync] = handleSync;
  });
}
