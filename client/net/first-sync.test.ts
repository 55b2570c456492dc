import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { deferFirstSyncEncoding } from './first-sync.js';

type Handler = (encoder: encoding.Encoder, decoder: decoding.Decoder, provider: unknown, emitSynced: boolean, messageType: number) => void;

/** A stand-in for y-websocket's provider: its sync message handler (as the stock one) and 'sync' event. */
function fakeProvider(doc: Y.Doc) {
  let onSync: ((synced: boolean) => void) | null = null;
  const provider = {
    messageHandlers: [] as Handler[],
    once: (_e: 'sync', fn: (synced: boolean) => void) => void (onSync = fn),
  };
  provider.messageHandlers[0] = (encoder, decoder, p) => {
    if (syncProtocol.readSyncMessage(decoder, encoder, doc, p) !== syncProtocol.messageYjsSyncStep2) return;
    const fn = onSync;
    onSync = null;
    fn?.(true);
  };
  return provider;
}

/** The server sends a sync message of `kind` carrying `update`. */
function receive(provider: ReturnType<typeof fakeProvider>, kind: number, update: Uint8Array): void {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, kind);
  encoding.writeVarUint8Array(e, update);
  provider.messageHandlers[0]!(encoding.createEncoder(), decoding.createDecoder(encoding.toUint8Array(e)), provider, true, 0);
}

/** `n` notes written by a server-side client, as one update. */
function serverUpdate(n: number, from = new Y.Doc()): Uint8Array {
  from.transact(() => {
    for (let i = 0; i < n; i++) from.getMap('elements').set(`e${i}`, `note ${i}`);
  });
  return Y.encodeStateAsUpdate(from);
}

describe('deferFirstSyncEncoding', () => {
  it('keeps the listeners out of the first sync (not out of local edits) and stores the server’s own bytes', () => {
    const doc = new Y.Doc();
    const provider = fakeProvider(doc);
    const heard: unknown[] = [];
    const listener = (_u: Uint8Array, origin: unknown) => heard.push(origin);
    doc.on('update', listener);
    const stored: Uint8Array[] = [];
    deferFirstSyncEncoding(doc, provider as never, [listener], (u) => stored.push(u));

    const early = serverUpdate(5);
    receive(provider, syncProtocol.messageYjsUpdate, early);
    expect(heard).toEqual([]);
    expect(stored).toEqual([early]);
    // A local edit while the first sync is still coming: heard (sent and stored) as always.
    doc.transact(() => doc.getMap('elements').set('mine', 'local'), 'local');
    expect(heard).toEqual(['local']);

    const whole = serverUpdate(60);
    receive(provider, syncProtocol.messageYjsSyncStep2, whole);
    expect(heard).toEqual(['local']);
    expect(stored).toEqual([early, whole]);
    expect(doc.getMap('elements').get('e59')).toBe('note 59');

    // After the first sync the provider's updates are heard again (others' live edits), and the
    // handler is the provider's own.
    receive(provider, syncProtocol.messageYjsUpdate, serverUpdate(1));
    expect(heard).toEqual(['local', provider]);
    expect(stored).toHaveLength(2);
  });

  it('stores nothing for sync messages that carry no update', () => {
    const doc = new Y.Doc();
    const provider = fakeProvider(doc);
    const stored: Uint8Array[] = [];
    deferFirstSyncEncoding(doc, provider as never, [], (u) => stored.push(u));
    receive(provider, syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Y.Doc()));
    expect(stored).toEqual([]);
  });
});
