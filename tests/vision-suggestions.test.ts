/**
 * Suggestion mode in the vision (issue #17), tried with stock y-websocket providers as members.
 * The setting "suggestions required for participants" lives in the vision document and only
 * facilitators write it (audited). While it is on, a participant's update may only add their own
 * suggestions or withdraw them: a real editor's suggestions (the client's transform and
 * y-prosemirror's own diff, including the one that keeps a suggested space and deletes the agreed
 * one beside it) pass and reach others; a hostile participant's deletions, unmarked text, other
 * people's names, changes to others' suggestions and structure are refused (4422) and stored
 * nowhere, and so are updates waiting for text someone else has not written yet. Exports read
 * the text agreed so far: pending insertions out, pending deletions in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { CharterExport } from '../shared/export/charter-export.js';
import { CloseCode } from '../shared/errors.js';
import { VISION_DOC_OPTIONS, visionFragment, visionSchema } from '../shared/vision/schema.js';
import { readBreak, SUGGESTED_BREAK, writeBreak, type SuggestionAttrs } from '../shared/vision/suggestion-marks.js';
import { setSuggestionsRequired, suggestionsRequired, visionSettings } from '../shared/vision/suggestion-settings.js';
import { suggestBreakKeys } from '../client/vision/suggest-breaks.js';
import { SUGGEST_SKIP, suggestTransaction } from '../client/vision/suggest-transform.js';
import { listSuggestions, resolveSuggestions, suggestModePlugin } from '../client/vision/suggestions.js';
import { authorOf, call, fixture, type Fixture } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';
import { closedFor, provider, synced, syncMessage, until } from './helpers/sync.js';
import { ContentRef, craftUpdate, stringContent } from './helpers/crafted-updates.js';

let s: TestServer;
let f: Fixture;
let room: string;
const ids: Record<string, { id: string; organisationId: string | null }> = {};

beforeAll(async () => {
  s = await startServer();
  f = await fixture(s.base);
  room = `${f.workshop.id}/vision`;
  for (const who of ['facilitator', 'participantA', 'participantB'] as const) ids[who] = await authorOf(s.base, f.workshop.id, f[who]);
});
afterAll(async () => {
  await s.stop();
  s.cleanup();
});

const serverDoc = () => s.app.registry.rooms().find((r) => r.name === room)?.doc;
type Entry = { type: string; actorId: string; data: Record<string, unknown> };
const audit = async () => (await call<{ entries: Entry[] }>(s.base, 'GET', `/api/workshops/${f.workshop.id}/audit`, undefined, f.observer)).body.entries;

async function open(token: string): Promise<WebsocketProvider> {
  const p = provider(s.wsBase, room, token, new Y.Doc(VISION_DOC_OPTIONS));
  await synced(p);
  return p;
}

/** Makes the change as `token`: the connection closes with the rule and the server keeps nothing of it. */
async function expectRefused(token: string, rule: string, change: (doc: Y.Doc) => void): Promise<void> {
  const p = await open(token);
  const before = Y.encodeStateVector(serverDoc()!);
  const closed = closedFor(p);
  change(p.doc);
  expect(await closed, rule).toEqual({ code: CloseCode.updateRefused, reason: `update refused: ${rule}` });
  p.destroy();
  expect(Buffer.from(Y.encodeStateVector(serverDoc()!)).equals(Buffer.from(before))).toBe(true);
}

/** An editor in Node: ProseMirror state over the provider's fragment, written back the way the browser's binding does. */
function editorOn(doc: Y.Doc, who: keyof typeof ids | null) {
  const fragment = visionFragment(doc);
  const meta = { mapping: new Map(), isOMark: new Map() };
  let state = EditorState.create({ schema: visionSchema, doc: yXmlFragmentToProseMirrorRootNode(fragment, visionSchema), plugins: [suggestModePlugin({ on: who !== null, forced: false })] });
  doc.transact(() => updateYFragment(doc, fragment, state.doc, meta), 'bind');
  let n = 0;
  const me = who && { memberId: ids[who]!.id, organisationId: ids[who]!.organisationId, now: () => '2026-05-01T10:00:00.000Z', newId: () => `${who}-${++n}` };
  return {
    get state() {
      return state;
    },
    /** Position of `text` in the first paragraph that holds it (+ `offset`). */
    at(text: string, offset = 0): number {
      let found = -1;
      state.doc.descendants((node, pos) => {
        if (found < 0 && node.isTextblock && node.textContent.includes(text)) found = pos + 1 + node.textContent.indexOf(text) + offset;
        return found < 0;
      });
      if (found < 0) throw new Error(`"${text}" not in the vision`);
      return found;
    },
    /** A key as the editor's suggestion keymap takes it (Enter, Backspace, Delete), with the caret at `pos`. */
    key(name: 'Enter' | 'Backspace' | 'Delete', pos: number): void {
      if (!me) throw new Error('keys are a suggester’s');
      this.edit((st) => {
        const at = st.apply(st.tr.setSelection(TextSelection.create(st.doc, pos)));
        let out: Transaction | null = null;
        if (!suggestBreakKeys(me)[name]!(at, (tr) => (out = tr))) throw new Error(`${name} is no suggestion here`);
        // The caret move and the key's change, as one transaction from `st`.
        const tr = st.tr.setSelection(TextSelection.create(st.doc, pos));
        for (const step of (out as unknown as Transaction).steps) tr.step(step);
        return tr.setMeta(SUGGEST_SKIP, true);
      });
    },
    edit(make: (st: EditorState) => Transaction): void {
      const tr = make(state);
      const out = me ? suggestTransaction(state, tr, me) : tr;
      if (!out) throw new Error('the change cannot be suggested');
      state = state.apply(out);
      doc.transact(() => updateYFragment(doc, fragment, state.doc, meta), 'edit');
    },
  };
}

/** The vision's text as the server holds it, with suggestions as [+…] and [-…]. */
function marked(doc: Y.Doc): string {
  const out: string[] = [];
  const walk = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        for (const op of child.toDelta() as Array<{ insert: string; attributes?: Record<string, unknown> }>) {
          const a = op.attributes ?? {};
          out.push(a.insertion ? `[+${op.insert}]` : a.deletion ? `[-${op.insert}]` : op.insert);
        }
      } else if (child instanceof Y.XmlElement) {
        walk(child);
        out.push('\n');
      }
    }
  };
  walk(visionFragment(doc));
  return out.join('');
}

async function exported(): Promise<CharterExport> {
  const r = await fetch(`${s.base}/api/workshops/${f.workshop.id}/export/charter?format=json`, { headers: { authorization: `Bearer ${f.facilitator}` } });
  expect(r.status).toBe(200);
  return (await r.json()) as CharterExport;
}

const AGREED = 'Vi deler data trygt mellom etatane.';
const attrs = (who: string, id = `${who}-x`): SuggestionAttrs => ({ id, memberId: ids[who]!.id, organisationId: ids[who]!.organisationId, createdAt: '2026-05-01T10:00:00.000Z' });
const plainOf = (t: Y.XmlText) => (t.toDelta() as Array<{ insert: string }>).map((o) => o.insert).join('');
/** The XmlText of the paragraph holding `text`. */
function textOf(doc: Y.Doc, text: string): Y.XmlText {
  for (const el of visionFragment(doc).toArray()) {
    const t = el instanceof Y.XmlElement ? el.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText && plainOf(c).includes(text)) : undefined;
    if (t) return t;
  }
  throw new Error(`no text holding "${text}"`);
}

describe('suggestion mode for participants', () => {
  it('is set by facilitators alone, in the vision document, and audited', async () => {
    const fac = await open(f.facilitator);
    // Before it is required, a participant edits as before: the agreed paragraph comes from them.
    const a = await open(f.participantA);
    const ed = editorOn(a.doc, null);
    ed.edit((st) => st.tr.insert(st.doc.content.size, visionSchema.nodes.paragraph!.create(null, visionSchema.text(AGREED))));
    await until(() => marked(fac.doc).includes(AGREED), 5000, 'the agreed paragraph');
    a.destroy();

    // Nobody suggests in someone else's name, the mode required or not, facilitators included.
    const agreedText = (d: Y.Doc) => textOf(d, AGREED);
    await expectRefused(f.participantB, 'suggestion-others', (d) => agreedText(d).insert(0, 'Falsk ', { insertion: attrs('participantA', 'forged-1') }));
    await expectRefused(f.participantB, 'suggestion-others', (d) => agreedText(d).format(0, 2, { deletion: attrs('participantA', 'forged-2') }));
    await expectRefused(f.facilitator, 'suggestion-others', (d) =>
      (agreedText(d).parent as Y.XmlElement).setAttribute(SUGGESTED_BREAK, writeBreak({ ...attrs('participantA', 'forged-3'), kind: 'deletion' })),
    );
    await expectRefused(f.participantB, 'suggestion-identity', (d) => agreedText(d).insert(0, 'Feil verksemd ', { insertion: { ...attrs('participantB', 'forged-4'), organisationId: 'x' } }));
    await expectRefused(f.participantA, 'settings', (d) => setSuggestionsRequired(d, true, 'hostile'));
    await expectRefused(f.participantB, 'settings', (d) => visionSettings(d).set('other', 1));
    setSuggestionsRequired(fac.doc, true, 'test');
    await until(() => suggestionsRequired(serverDoc()!), 5000, 'the setting stored');
    await until(async () => (await audit()).some((e) => e.type === 'vision.suggestions_required'), 5000, 'the audit entry');
    const entry = (await audit()).find((e) => e.type === 'vision.suggestions_required')!;
    expect(entry).toMatchObject({ actorId: ids.facilitator!.id, data: { required: true } });
    await expectRefused(f.participantB, 'settings', (d) => visionSettings(d).delete('suggestionsRequired'));
    fac.destroy();
  });

  it('lets a participant suggest, and withdraw their own suggestion, as the editor writes it', async () => {
    const a = await open(f.participantA);
    const fac = await open(f.facilitator);
    const ed = editorOn(a.doc, 'participantA');
    // Insert " alltid" after "data", delete "trygt ".
    ed.edit((st) => st.tr.insertText(' alltid', ed.at('data', 4)));
    ed.edit((st) => st.tr.delete(ed.at('trygt '), ed.at('trygt ', 6)));
    await until(() => marked(fac.doc).includes('Vi deler data[+ alltid] [-trygt ]mellom etatane.'), 5000, 'both suggestions at the facilitator');
    // A second suggestion, then withdrawn key by key: y-prosemirror's diff deletes the agreed
    // space and keeps the suggested one, which reads the same and passes.
    ed.edit((st) => st.tr.insertText(' heilt', ed.at('mellom', -1)));
    await until(() => marked(fac.doc).includes('[+ heilt]'), 5000, 'the second suggestion');
    const end = ed.at('heilt', 5);
    for (let i = 0; i < 6; i++) ed.edit((st) => st.tr.delete(end - i - 1, end - i));
    await until(() => !marked(fac.doc).includes('heilt'), 5000, 'the withdrawn suggestion gone at the facilitator');
    expect(marked(serverDoc()!)).toContain('Vi deler data[+ alltid] [-trygt ]mellom etatane.');
    expect(a.wsconnected).toBe(true);
    const ins = (textOf(serverDoc()!, 'alltid').toDelta() as Array<{ insert: string; attributes?: { insertion?: SuggestionAttrs } }>).find((o) => o.attributes?.insertion);
    expect(ins?.attributes?.insertion).toMatchObject({ memberId: ids.participantA!.id, organisationId: ids.participantA!.organisationId });
    a.destroy();
    fac.destroy();
  });

  it('refuses a hostile participant’s changes that are not their own suggestions', async () => {
    const t = (d: Y.Doc) => textOf(d, 'mellom etatane');
    const at = (d: Y.Doc, s: string) => plainOf(t(d)).indexOf(s);
    const B = f.participantB;
    await expectRefused(B, 'suggestion-agreed-text', (d) => t(d).delete(at(d, 'mellom'), 6));
    await expectRefused(B, 'suggestion-agreed-text', (d) => t(d).insert(0, 'Umerkt '));
    await expectRefused(B, 'suggestion-agreed-text', (d) => t(d).format(at(d, 'etatane'), 7, { strong: {} }));
    await expectRefused(B, 'suggestion-others', (d) => t(d).insert(0, 'I namnet til A ', { insertion: attrs('participantA') }));
    await expectRefused(B, 'suggestion-others', (d) => t(d).format(at(d, 'mellom'), 6, { deletion: attrs('facilitator') }));
    await expectRefused(B, 'suggestion-identity', (d) => t(d).insert(0, 'Feil verksemd ', { insertion: { ...attrs('participantB'), organisationId: ids.participantA!.organisationId } }));
    // Resolving A's suggestions on A's text is A's (or a facilitator's), not B's.
    await expectRefused(B, 'suggestion-not-yours', (d) => t(d).format(at(d, ' alltid'), 7, { insertion: null }));
    await expectRefused(B, 'suggestion-not-yours', (d) => t(d).delete(at(d, ' alltid'), 7));
    await expectRefused(B, 'suggestion-not-yours', (d) => t(d).format(at(d, 'trygt '), 6, { deletion: null }));
    await expectRefused(B, 'suggestion-not-yours', (d) => t(d).delete(at(d, 'trygt '), 6));
    // Accepting half of it and changing the rest is no resolution.
    await expectRefused(B, 'suggestion-agreed-text', (d) =>
      d.transact(() => {
        t(d).format(at(d, ' alltid'), 7, { insertion: null });
        t(d).insert(0, 'X');
      }),
    );
    await expectRefused(B, 'suggestion-structure', (d) => visionFragment(d).insert(0, [new Y.XmlElement('paragraph')]));
    await expectRefused(B, 'suggestion-structure', (d) => (t(d).parent as Y.XmlElement).setAttribute('level', 3 as unknown as string));
    await expectRefused(B, 'suggestion-structure', (d) => visionFragment(d).delete(0, 1));
    // Deleting text someone has not written yet (it would go as it arrives), or writing beside it.
    const fac = await open(f.facilitator);
    const next = Y.getState(serverDoc()!.store, fac.doc.clientID);
    for (const update of [
      craftUpdate([], [[fac.doc.clientID, next, 5]]),
      craftUpdate([{ client: 4242, origin: [fac.doc.clientID, next + 2], root: '', key: null, ref: ContentRef.string, content: stringContent('Umerkt') }]),
    ]) {
      const h = await open(B);
      const before = Y.encodeStateVector(serverDoc()!);
      const closed = closedFor(h);
      h.ws!.send(new Uint8Array(syncMessage(2, update))); // straight onto the provider's socket
      expect(await closed).toEqual({ code: CloseCode.updateRefused, reason: 'update refused: unknown-parent' });
      h.destroy();
      expect(Buffer.from(Y.encodeStateVector(serverDoc()!)).equals(Buffer.from(before))).toBe(true);
    }
    t(fac.doc).insert(0, 'Fasilitator. ');
    await until(() => marked(serverDoc()!).includes('Fasilitator. '), 5000, 'the facilitator’s text kept whole');
    fac.destroy();
    // Their own suggestion, written straight into Yjs, passes.
    const b = await open(B);
    t(b.doc).insert(plainOf(t(b.doc)).length, ' Ja!', { insertion: attrs('participantB') });
    t(b.doc).format(at(b.doc, 'etatane'), 7, { deletion: attrs('participantB') });
    await until(() => marked(serverDoc()!).includes('[-etatane][+.]') || marked(serverDoc()!).includes('[-etatane].[+ Ja!]'), 5000, 'B’s suggestions stored');
    expect(b.wsconnected).toBe(true);
    b.destroy();
  });

  it('lets the member whose text a suggestion changes accept or reject it, and nobody else', async () => {
    const t = (d: Y.Doc) => textOf(d, 'mellom etatane');
    const at = (d: Y.Doc, s: string) => plainOf(t(d)).indexOf(s);
    // A wrote the paragraph, the facilitator its first words: "Fasilitator. " is not A's to resolve.
    const b = await open(f.participantB);
    t(b.doc).format(at(b.doc, 'Fasilitator'), 11, { deletion: attrs('participantB', 'participantB-fac') });
    await until(() => marked(serverDoc()!).includes('[-Fasilitator]'), 5000, 'B’s deletion of the facilitator’s words');
    b.destroy();
    await expectRefused(f.participantA, 'suggestion-not-yours', (d) => t(d).delete(at(d, 'Fasilitator'), 11));
    await expectRefused(f.participantA, 'suggestion-not-yours', (d) => t(d).format(at(d, 'Fasilitator'), 11, { deletion: null }));
    // Nor does A accept A's own suggestion: that would edit without review.
    await expectRefused(f.participantA, 'suggestion-not-yours', (d) => t(d).format(at(d, ' alltid'), 7, { insertion: null }));

    // A resolves B's suggestions on A's text the way the editor does (one transaction, written
    // back by y-prosemirror's diff): B's deletion of "etatane" rejected, B's " Ja!" accepted.
    const a = await open(f.participantA);
    const fac = await open(f.facilitator);
    const ed = editorOn(a.doc, 'participantA');
    const of = (kind: string, text: string) => listSuggestions(ed.state.doc).filter((x) => x.kind === kind && x.text === text && x.attrs.memberId === ids.participantB!.id);
    expect(of('deletion', 'etatane')).toHaveLength(1);
    ed.edit((st) => resolveSuggestions(st, of('deletion', 'etatane'), false));
    ed.edit((st) => resolveSuggestions(st, of('insertion', ' Ja!'), true));
    await until(() => marked(fac.doc).includes('[-trygt ]mellom etatane. Ja!'), 5000, 'both resolutions at the facilitator');
    expect(a.wsconnected).toBe(true);
    // Withdrawing one's own still passes; B's deletion of the facilitator's words stays B's.
    expect(marked(serverDoc()!)).toContain('[-Fasilitator]');
    a.destroy();
    fac.destroy();
  });

  it('takes new paragraphs and joins as suggestions, resolved by the writer of the text or a facilitator', async () => {
    const breaksOf = (d: Y.Doc) =>
      visionFragment(d)
        .toArray()
        .map((el) => readBreak((el as Y.XmlElement).getAttribute(SUGGESTED_BREAK)))
        .filter((x) => x !== null);
    const b = await open(f.participantB);
    const fac = await open(f.facilitator);
    const ed = editorOn(b.doc, 'participantB');
    // Enter after "etatane." in A's paragraph, then a word typed into the new paragraph.
    ed.key('Enter', ed.at('etatane.', 8));
    ed.edit((st) => st.tr.insertText('Nytt: ', st.selection.from));
    // Backspace at the start of A's paragraph: join it onto the heading before.
    ed.key('Backspace', ed.at('Fasilitator'));
    await until(() => breaksOf(fac.doc).length === 2, 5000, 'both suggested breaks at the facilitator');
    expect(breaksOf(serverDoc()!).map((x) => [x.kind, x.memberId])).toEqual([
      ['deletion', ids.participantB!.id],
      ['insertion', ids.participantB!.id],
    ]);
    expect(marked(serverDoc()!)).toContain('etatane.\n[+Nytt: ] Ja!');
    expect(b.wsconnected).toBe(true);
    b.destroy();
    // Exports read the agreed text: the suggested break not made, the join not made either.
    const paragraphs = async () =>
      (await exported()).vision.filter((x) => x.type === 'paragraph').map((x) => (x.type === 'paragraph' ? x.content.map((c) => ('text' in c ? c.text : '')).join('') : ''));
    expect(await paragraphs()).toEqual(['Fasilitator. Vi deler data trygt mellom etatane. Ja!']);

    // A hostile participant: a paragraph break without a suggestion, in someone else's name, or
    // someone else's break taken away.
    const para = (d: Y.Doc, text: string) => textOf(d, text).parent as Y.XmlElement;
    const someone = (who: string, kind: 'insertion' | 'deletion') => writeBreak({ ...attrs(who, `${who}-br`), kind });
    await expectRefused(f.participantB, 'suggestion-structure', (d) => {
      const p = new Y.XmlElement('paragraph');
      visionFragment(d).push([p]);
    });
    await expectRefused(f.participantB, 'suggestion-others', (d) => {
      const p = new Y.XmlElement('paragraph');
      p.setAttribute(SUGGESTED_BREAK, someone('participantA', 'insertion'));
      visionFragment(d).push([p]);
    });
    await expectRefused(f.participantB, 'suggestion-others', (d) => para(d, 'Forteljinga').setAttribute(SUGGESTED_BREAK, someone('participantA', 'deletion')));
    await expectRefused(f.participantB, 'suggestion-structure', (d) => para(d, 'Forteljinga').setAttribute('level', 2 as unknown as string));
    await expectRefused(f.participantB, 'suggestion-structure', (d) => para(d, 'Forteljinga').setAttribute(SUGGESTED_BREAK, 'not a break'));

    // A accepts B's new paragraph (it breaks A's text) and rejects B's join of A's paragraph.
    // B cannot accept either.
    await expectRefused(f.participantB, 'suggestion-not-yours', (d) => para(d, 'Ja!').removeAttribute(SUGGESTED_BREAK));
    await expectRefused(f.participantB, 'suggestion-not-yours', (d) => {
      const e = editorOn(d, 'participantB');
      e.edit((st) => resolveSuggestions(st, listSuggestions(st.doc).filter((x) => x.block !== undefined && x.kind === 'deletion'), true));
    });
    const a = await open(f.participantA);
    const edA = editorOn(a.doc, 'participantA');
    const pending = (kind: string) => listSuggestions(edA.state.doc).filter((x) => x.block !== undefined && x.kind === kind);
    expect(pending('insertion')).toHaveLength(1);
    edA.edit((st) => resolveSuggestions(st, pending('insertion'), true));
    await until(() => breaksOf(fac.doc).length === 1, 5000, 'the accepted break at the facilitator');
    edA.edit((st) => resolveSuggestions(st, pending('deletion'), false));
    await until(() => breaksOf(serverDoc()!).length === 0, 5000, 'no pending break left');
    expect(await paragraphs()).toEqual(['Fasilitator. Vi deler data trygt mellom etatane.', ' Ja!']);
    expect(marked(serverDoc()!)).toContain('etatane.\n[+Nytt: ] Ja!');
    expect(a.wsconnected).toBe(true);
    a.destroy();
    fac.destroy();
  });

  it('takes bold and italic as suggestions, applied when the writer of the text accepts them', async () => {
    const b = await open(f.participantB);
    const ed = editorOn(b.doc, 'participantB');
    const strong = visionSchema.marks.strong!;
    ed.edit((st) => st.tr.addMark(ed.at('mellom'), ed.at('mellom', 6), strong.create()));
    ed.edit((st) => st.tr.addMark(ed.at('mellom'), ed.at('mellom', 6), visionSchema.marks.em!.create()));
    const formats = (d: Y.Doc) =>
      (textOf(d, 'mellom').toDelta() as Array<{ insert: string; attributes?: Record<string, unknown> }>).filter((o) => o.attributes?.formatting || o.attributes?.strong);
    await until(() => formats(serverDoc()!).length === 1, 5000, 'the formatting suggestion stored');
    expect(formats(serverDoc()!)[0]).toMatchObject({ insert: 'mellom', attributes: { formatting: { memberId: ids.participantB!.id, strong: 'add', em: 'add' } } });
    expect(b.wsconnected).toBe(true);
    b.destroy();
    // In someone else's name, or the text made bold outright: refused.
    const t = (d: Y.Doc) => textOf(d, 'mellom');
    const at = (d: Y.Doc, s: string) => plainOf(t(d)).indexOf(s);
    await expectRefused(f.participantB, 'suggestion-others', (d) => t(d).format(at(d, 'etatane'), 7, { formatting: { ...attrs('participantA'), strong: 'add', em: null } }));
    await expectRefused(f.participantB, 'suggestion-not-yours', (d) => t(d).format(at(d, 'mellom'), 6, { formatting: null, strong: {}, em: {} }));
    expect(JSON.stringify((await exported()).vision)).not.toContain('"bold":true');

    // A accepts: the words are bold and italic, and so is the export.
    const a = await open(f.participantA);
    const edA = editorOn(a.doc, 'participantA');
    const pending = listSuggestions(edA.state.doc).filter((x) => x.kind === 'formatting');
    expect(pending.map((x) => [x.text, x.format])).toEqual([['mellom', { strong: 'add', em: 'add' }]]);
    edA.edit((st) => resolveSuggestions(st, pending, true));
    await until(() => formats(serverDoc()!).some((o) => o.attributes?.strong && !o.attributes.formatting), 5000, 'the bold words stored');
    expect(formats(serverDoc()!)).toEqual([{ insert: 'mellom', attributes: { strong: {}, em: {} } }]);
    expect(a.wsconnected).toBe(true);
    a.destroy();
    const vision = (await exported()).vision;
    expect(JSON.stringify(vision)).toContain('{"text":"mellom","bold":true,"italic":true}');
  });

  it('leaves pending insertions out of exports and keeps pending deletions', async () => {
    const vision = JSON.stringify((await exported()).vision);
    expect(vision).toContain('trygt');
    expect(vision).toContain('etatane');
    expect(vision).not.toContain('alltid');
    expect(vision).toContain('Ja!'); // accepted by A
  });
});
