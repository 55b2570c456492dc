/**
 * `screenNesting` and an update that comes before what it builds on: a provider's edit made as it
 * reconnects goes out before its sync step 2 (which carries the edits it builds on). Found by the
 * kill -9 cycles (tests/helpers/kill-cycles.ts): such a vision paragraph was refused for good.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/errors.js';
import { CONTENT_RULES } from '../../shared/sync/content-rules.js';
import { screenNesting } from './update-check.js';

const paragraph = (doc: Y.Doc, text: string) => {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('prosemirror').push([p]);
};
const pending = (update: Uint8Array) => ({ update, structs: Y.decodeUpdate(update).structs });

/** The server's copy; a writer's paragraph typed as it reconnects (`edit`), building on one typed offline; and the writer's sync step 2 (both). */
function world() {
  const server = new Y.Doc({ gc: false });
  const writer = new Y.Doc({ gc: false });
  paragraph(writer, 'stored');
  Y.applyUpdate(server, Y.encodeStateAsUpdate(writer));
  const sv0 = Y.encodeStateVector(writer);
  paragraph(writer, 'offline');
  const sv1 = Y.encodeStateVector(writer);
  paragraph(writer, 'while reconnecting');
  return { server, step2: Y.encodeStateAsUpdate(writer, sv0), edit: Y.encodeStateAsUpdate(writer, sv1) };
}

describe('screenNesting and updates that come before what they build on', () => {
  it('takes an update whose sender sends what it builds on later in the same batch', () => {
    const { server, step2, edit } = world();
    expect(screenNesting([pending(edit), pending(step2)], server, CONTENT_RULES.vision)).toEqual([null, null]);
  });

  it('closes the sender with a transient code (it resends both), never a refusal, when what it builds on has not come', () => {
    const { server, edit } = world();
    const [verdict] = screenNesting([pending(edit)], server, CONTENT_RULES.vision);
    expect(verdict).toMatchObject({ ok: false, code: CloseCode.internalError });
  });

  it('still refuses a new type placed beside another client\'s item that the server does not have (4422 unknown-parent)', () => {
    const { server } = world();
    const unseen = new Y.Doc({ gc: false });
    Y.applyUpdate(unseen, Y.encodeStateAsUpdate(server));
    paragraph(unseen, 'never sent to the server');
    const other = new Y.Doc({ gc: false });
    Y.applyUpdate(other, Y.encodeStateAsUpdate(unseen));
    const sv = Y.encodeStateVector(other);
    paragraph(other, 'beside it');
    const [verdict] = screenNesting([pending(Y.encodeStateAsUpdate(other, sv))], server, CONTENT_RULES.vision);
    expect(verdict).toMatchObject({ ok: false, code: CloseCode.updateRefused, reason: 'update refused: unknown-parent' });
  });
});
