import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { craftUpdate } from '../../tests/helpers/crafted-updates.js';
import { authorsOfUpdate } from './vision-attribution.js';

const doc = () => new Y.Doc({ gc: false });

describe('authorsOfUpdate', () => {
  it('credits only items the server does not have yet', () => {
    const server = doc();
    server.getText('t').insert(0, 'template');
    const client = doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    client.getText('t').insert(8, ' and mine');
    // A sync step 2 sent without the server's state vector repeats the template's items.
    const { clients } = authorsOfUpdate(Y.encodeStateAsUpdate(client), server);
    expect(clients).toEqual([client.clientID]);
    expect(authorsOfUpdate(Y.encodeStateAsUpdate(server), server).clients).toEqual([]);
  });

  it('credits only deletions the server has not seen, split around those it has', () => {
    const server = doc();
    server.getText('t').insert(0, 'abcdefghij');
    const a = doc();
    Y.applyUpdate(a, Y.encodeStateAsUpdate(server));
    a.getText('t').delete(2, 2); // c, d: deleted by a first
    Y.applyUpdate(server, Y.encodeStateAsUpdate(a));
    const b = doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(server));
    b.getText('t').delete(0, 6); // visible a, b, e, f, g, h: new; c, d (between them) were already gone
    const { deleted } = authorsOfUpdate(Y.encodeStateAsUpdate(b), server);
    const id = server.clientID;
    expect(deleted).toEqual([
      [id, 0, 2],
      [id, 4, 4],
    ]);
  });

  it('clamps a delete range over clocks that do not exist: 2^53 clocks cost no more than the document', () => {
    const server = doc();
    server.getText('t').insert(0, 'abcdef');
    const id = server.clientID;
    const hostile = craftUpdate([], [[id, 2, Number.MAX_SAFE_INTEGER - 2], [424242, 0, 2 ** 40]]);
    expect(hostile.byteLength).toBeLessThan(30);
    const started = performance.now();
    const { clients, deleted } = authorsOfUpdate(hostile, server);
    expect(performance.now() - started).toBeLessThan(50);
    expect(clients).toEqual([]);
    // Only what exists can be deleted: c..f of the server's text; the unknown client has nothing.
    expect(deleted).toEqual([[id, 2, 4]]);
  });

  it('credits deletions of items the same update brings, and merges overlapping ranges', () => {
    const server = doc();
    const client = doc();
    client.getText('t').insert(0, 'abc');
    client.getText('t').delete(0, 3);
    const update = Y.encodeStateAsUpdate(client);
    expect(authorsOfUpdate(update, server).deleted).toEqual([[client.clientID, 0, 3]]);
    const overlapping = craftUpdate([], [[client.clientID, 0, 2], [client.clientID, 1, 2]]);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc()));
    const known = doc();
    known.getText('t').insert(0, 'xyz');
    expect(authorsOfUpdate(craftUpdate([], [[known.clientID, 0, 2], [known.clientID, 1, 2]]), known).deleted).toEqual([[known.clientID, 0, 3]]);
    expect(overlapping.byteLength).toBeGreaterThan(0);
  });
});
