import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { describeUnconfirmed } from './unconfirmed.js';

/** A server copy and a client that synced with it, then wrote without being confirmed. */
function pair() {
  const server = new Y.Doc();
  server.getXmlFragment('f').insert(0, [new Y.XmlElement('paragraph')]);
  (server.getXmlFragment('f').get(0) as Y.XmlElement).insert(0, [new Y.XmlText('Kept by the server.')]);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

describe('describeUnconfirmed', () => {
  it('lists text the server lacks, per paragraph, and nothing it has', () => {
    const { server, client } = pair();
    const kept = (client.getXmlFragment('f').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    kept.insert(kept.length, ' Added at the end.');
    const p = new Y.XmlElement('paragraph');
    client.getXmlFragment('f').insert(1, [p]);
    p.insert(0, [new Y.XmlText('A new paragraph.')]);
    const d = describeUnconfirmed(Y.encodeStateAsUpdate(client), Y.encodeStateVector(server));
    expect(d).toEqual({ texts: ['Added at the end.', 'A new paragraph.'], others: false });
  });

  it('is empty when the server has everything, and splits runs around confirmed text', () => {
    const { server, client } = pair();
    expect(describeUnconfirmed(Y.encodeStateAsUpdate(client), Y.encodeStateVector(server))).toEqual({ texts: [], others: false });
    const t = (client.getXmlFragment('f').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    t.insert(0, 'One. ');
    t.insert(t.length, ' Two.');
    t.format(0, 3, { bold: true });
    const d = describeUnconfirmed(Y.encodeStateAsUpdate(client), Y.encodeStateVector(server));
    expect(d).toEqual({ texts: ['One.', 'Two.'], others: true });
  });

  it('ignores text added and deleted again, and text typed into a map value', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    const note = new Y.Map<unknown>();
    client.getMap('elements').set('n1', note);
    const text = new Y.Text('Ein lapp');
    note.set('text', text);
    note.set('x', 10);
    text.insert(0, 'Gone ');
    text.delete(0, 5);
    const d = describeUnconfirmed(Y.encodeStateAsUpdate(client), Y.encodeStateVector(server));
    expect(d).toEqual({ texts: ['Ein lapp'], others: true });
  });
});
