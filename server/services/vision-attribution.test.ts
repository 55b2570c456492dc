import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
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
});
