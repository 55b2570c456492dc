import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { touchedEntries, type Touch } from './touched.js';

/** A server copy and a client copy of one document; `edit` runs on the client and returns its update. */
function pair() {
  const server = new Y.Doc();
  const client = new Y.Doc();
  const edit = (fn: (doc: Y.Doc) => void): Uint8Array => {
    const updates: Uint8Array[] = [];
    const on = (u: Uint8Array) => updates.push(u);
    client.on('update', on);
    client.transact(() => fn(client));
    client.off('update', on);
    const u = Y.mergeUpdates(updates);
    return u;
  };
  const commit = (u: Uint8Array) => Y.applyUpdate(server, u);
  return { server, client, edit, commit };
}

const summary = (ts: Touch[]) => ts.map((t) => `${t.kind} ${t.root}/${t.key} [${[...t.fields.keys()].sort().join(',')}]`).sort();

function element(doc: Y.Doc, id: string, authorId: string): void {
  const m = new Y.Map<unknown>();
  doc.getMap('elements').set(id, m);
  m.set('kind', 'note');
  m.set('authorId', authorId);
  m.set('x', 1);
  m.set('text', new Y.Text('hei'));
}

describe('touchedEntries', () => {
  it('tells new entries with their fields, changes inside them, moves and deletions', () => {
    const { server, edit, commit } = pair();
    const created = edit((d) => element(d, 'e1', 'anne'));
    const first = touchedEntries(created, server);
    expect(first.ok && summary(first.touches)).toEqual(['create elements/e1 [authorId,kind,text,x]']);
    expect(first.ok && first.touches[0]!.fields.get('authorId')).toBe('anne');
    commit(created);

    const typed = edit((d) => ((d.getMap('elements').get('e1') as Y.Map<unknown>).get('text') as Y.Text).insert(3, ' på deg'));
    expect(summary((touchedEntries(typed, server) as { touches: Touch[] }).touches)).toEqual(['change elements/e1 [text]']);
    commit(typed);
    const typedAgain = edit((d) => ((d.getMap('elements').get('e1') as Y.Map<unknown>).get('text') as Y.Text).insert(10, '!'));
    expect(summary((touchedEntries(typedAgain, server) as { touches: Touch[] }).touches)).toEqual(['change elements/e1 [text]']);
    commit(typedAgain);

    const forged = edit((d) => {
      const m = d.getMap('elements').get('e1') as Y.Map<unknown>;
      m.set('x', 2);
      m.set('authorId', 'bo');
    });
    const f = touchedEntries(forged, server) as { touches: Touch[] };
    expect(summary(f.touches)).toEqual(['change elements/e1 [authorId,x]']);
    expect(f.touches[0]!.fields.get('authorId')).toBe('bo');
    commit(forged);

    const deleted = edit((d) => d.getMap('elements').delete('e1'));
    expect(summary((touchedEntries(deleted, server) as { touches: Touch[] }).touches)).toEqual(['delete elements/e1 []']);
  });

  it('takes a replaced entry for a new one, and text deleted inside one for a change', () => {
    const { server, edit, commit } = pair();
    const created = edit((d) => element(d, 'e1', 'anne'));
    commit(created);
    const replaced = edit((d) => element(d, 'e1', 'bo'));
    const r = touchedEntries(replaced, server) as { touches: Touch[] };
    expect(summary(r.touches)).toEqual(['create elements/e1 [authorId,kind,text,x]']);
    expect(r.touches[0]!.fields.get('authorId')).toBe('bo');
    commit(replaced);
    const cut = edit((d) => ((d.getMap('elements').get('e1') as Y.Map<unknown>).get('text') as Y.Text).delete(0, 2));
    expect(summary((touchedEntries(cut, server) as { touches: Touch[] }).touches)).toEqual(['change elements/e1 [text]']);
  });

  it('ignores history the server already has, and cannot place an item that waits for items it lacks', () => {
    const { server, client, edit, commit } = pair();
    const created = edit((d) => element(d, 'e1', 'anne'));
    commit(created);
    expect((touchedEntries(Y.encodeStateAsUpdate(client), server) as { touches: Touch[] }).touches).toEqual([]);
    // Another client's new element the server has not got: its items cannot be placed.
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(client));
    const fromElsewhere: Uint8Array[] = [];
    elsewhere.on('update', (u: Uint8Array) => fromElsewhere.push(u));
    element(elsewhere, 'e2', 'anne');
    const third = new Y.Doc();
    Y.applyUpdate(third, Y.encodeStateAsUpdate(elsewhere));
    const typed: Uint8Array[] = [];
    third.on('update', (u: Uint8Array) => typed.push(u));
    ((third.getMap('elements').get('e2') as Y.Map<unknown>).get('text') as Y.Text).insert(0, 'x');
    expect(touchedEntries(typed[0]!, server)).toEqual({ ok: false });
    // Nor one that waits for the sender's own earlier items (the room holds such an update until
    // they are in, room-hold.ts, so it never comes here).
    ((elsewhere.getMap('elements').get('e2') as Y.Map<unknown>).get('text') as Y.Text).insert(0, 'y');
    expect(touchedEntries(fromElsewhere.at(-1)!, server)).toEqual({ ok: false });
  });

  it('takes an edit inside an entry the document has collected for touching nothing, as Yjs applies it', () => {
    const { server, client, edit, commit } = pair();
    commit(edit((d) => element(d, 'e1', 'anne')));
    // Another member, who has the element, types into the middle of its text (origin and right
    // origin are the creator's items) and replaces a field; meanwhile the element is deleted.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(client));
    const typed: Uint8Array[] = [];
    other.on('update', (u: Uint8Array) => typed.push(u));
    const e1 = other.getMap('elements').get('e1') as Y.Map<unknown>;
    (e1.get('text') as Y.Text).insert(1, 'x');
    e1.set('x', 5);
    commit(edit((d) => d.getMap('elements').delete('e1')));
    expect(server.store.clients.get(client.clientID)!.some((s) => s instanceof Y.GC)).toBe(true);
    for (const u of typed) expect(touchedEntries(u, server)).toMatchObject({ ok: true, touches: [] });
    // Yjs agrees: applied, nothing comes back and nothing waits.
    for (const u of typed) Y.applyUpdate(server, u);
    expect([server.getMap('elements').size, server.store.pendingStructs]).toEqual([0, null]);
  });

  it('takes an entry made and removed before it was sent for nothing created, and one removed over a current entry for its deletion', () => {
    const { server, client, edit, commit } = pair();
    commit(edit((d) => element(d, 'e1', 'anne')));
    const sent = Y.encodeStateVector(server);
    edit((d) => element(d, 'e2', 'anne'));
    edit((d) => d.getMap('elements').delete('e2'));
    // What the client's sync step 2 brings: e2's value, deleted, with its fields collected.
    const offline = Y.encodeStateAsUpdate(client, sent);
    expect(touchedEntries(offline, server)).toMatchObject({ ok: true, touches: [] });
    edit((d) => element(d, 'e1', 'anne'));
    edit((d) => d.getMap('elements').delete('e1'));
    const replaced = touchedEntries(Y.encodeStateAsUpdate(client, sent), server) as { touches: Touch[] };
    expect(summary(replaced.touches)).toEqual(['delete elements/e1 []']);
  });
});
