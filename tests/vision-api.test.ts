/** The vision's server side: template, attribution, last seen, milestones, reset, the length cap. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../shared/errors.js';
import type { MilestoneDto, MilestoneWithSnapshotDto, SeenDto, VisionAuthorsDto } from '../shared/vision/api.js';
import { VISION_DOC_OPTIONS, visionFragment, visionTextLength } from '../shared/vision/schema.js';
import { call, fixture, type Fixture } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';
import { closedFor, provider, synced, until } from './helpers/sync.js';

let s: TestServer;
let f: Fixture;
let room: string;
const CAP = 2000;
beforeAll(async () => {
  s = await startServer({ VISION_MAX_CHARS: String(CAP) });
  f = await fixture(s.base);
  room = `${f.workshop.id}/vision`;
});
afterAll(async () => {
  await s.stop();
  s.cleanup();
});

const api = <T>(method: string, path: string, token: string, body?: unknown) => call<T>(s.base, method, `/api/workshops/${f.workshop.id}${path}`, body, token);
const visionDoc = () => new Y.Doc(VISION_DOC_OPTIONS);
const paragraphs = (doc: Y.Doc) => visionFragment(doc).toArray().map((n) => (n instanceof Y.XmlElement ? `${n.nodeName}:${n.toArray().map((t) => String(t)).join('')}` : ''));

function appendParagraph(doc: Y.Doc, text: string): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  visionFragment(doc).push([p]);
}

describe('vision', () => {
  it('starts from the template in the workshop language, and the workshop reports the cap', async () => {
    const a = provider(s.wsBase, room, f.participantA, visionDoc());
    await synced(a);
    const blocks = paragraphs(a.doc);
    expect(blocks[0]).toBe('heading:Draumebiletet vårt');
    expect(blocks.filter((b) => b.startsWith('heading:'))).toHaveLength(4);
    expect(blocks).toContain('heading:Kva vi skal oppnå saman');
    a.destroy();
    expect(f.workshop.limits).toEqual({ visionMaxChars: CAP });
  });

  it('attributes written and deleted text to the member whose connection sent it', async () => {
    const a = provider(s.wsBase, room, f.participantA, visionDoc());
    const b = provider(s.wsBase, room, f.participantB, visionDoc());
    await Promise.all([synced(a), synced(b)]);
    appendParagraph(a.doc, 'Ola skriv dette.');
    await until(() => paragraphs(b.doc).includes('paragraph:Ola skriv dette.'));
    const bText = (visionFragment(b.doc).toArray().at(-1) as Y.XmlElement).get(0) as Y.XmlText;
    bText.delete(0, 4);
    bText.insert(0, 'Kari retta: ');
    await until(() => paragraphs(a.doc).includes('paragraph:Kari retta: skriv dette.'));
    const members = (await call<{ members: { id: string; displayName: string }[] }>(s.base, 'GET', `/api/workshops/${f.workshop.id}/members`, undefined, f.facilitator)).body.members;
    const idOf = (name: string) => members.find((m) => m.displayName === name)!.id;
    let authors!: VisionAuthorsDto;
    await until(async () => {
      authors = (await api<VisionAuthorsDto>('GET', '/vision/authors', f.observer)).body;
      return authors.clients[String(b.doc.clientID)] !== undefined && authors.deletions.length > 0;
    });
    expect(authors.clients[String(a.doc.clientID)]).toBe(idOf('Ola'));
    expect(authors.clients[String(b.doc.clientID)]).toBe(idOf('Kari'));
    const kari = authors.deletions.find((d) => d.memberId === idOf('Kari'))!;
    expect(kari.ranges.some(([client, , len]) => client === a.doc.clientID && len === 4)).toBe(true);
    expect(authors.deletions.every((d) => d.memberId === idOf('Kari'))).toBe(true);
    a.destroy();
    b.destroy();
  });

  it('stores each member’s last-seen snapshot, refusing anything that is not one', async () => {
    expect((await api<SeenDto>('GET', '/vision/seen', f.observer)).body).toEqual({ snapshot: null, at: null, historyCompactedAt: null });
    const bad = await api<{ error: { code: string } }>('PUT', '/vision/seen', f.observer, { snapshot: Buffer.from('not a snapshot').toString('base64') });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect((await api('PUT', '/vision/seen', f.observer, { snapshot: '%%%' })).status).toBe(400);
    const a = provider(s.wsBase, room, f.observer, visionDoc());
    await synced(a);
    const snap = Buffer.from(Y.encodeSnapshot(Y.snapshot(a.doc))).toString('base64');
    a.destroy();
    expect((await api('PUT', '/vision/seen', f.observer, { snapshot: snap })).status).toBe(204);
    const seen = (await api<SeenDto>('GET', '/vision/seen', f.observer)).body;
    expect(seen.snapshot).toBe(snap);
    expect(Date.parse(seen.at!)).toBeGreaterThan(Date.now() - 60_000);
    // Per member: the facilitator has seen nothing yet.
    expect((await api<SeenDto>('GET', '/vision/seen', f.facilitator)).body.snapshot).toBeNull();
  });

  it('saves milestones (facilitators only) that render the text as it was', async () => {
    expect((await api('POST', '/milestones', f.participantA, { name: 'Etter samling 1' })).status).toBe(403);
    expect((await api('POST', '/milestones', f.facilitator, { name: '' })).status).toBe(400);
    const first = await api<MilestoneDto>('POST', '/milestones', f.facilitator, { name: 'Etter samling 1' });
    expect(first.status).toBe(201);
    expect(first.body.createdBy.displayName).toBe('Fasilitator Frida');

    const a = provider(s.wsBase, room, f.participantA, visionDoc());
    await synced(a);
    appendParagraph(a.doc, 'Lagt til etter samling 1.');
    const witness = provider(s.wsBase, room, f.observer, visionDoc());
    await until(() => paragraphs(witness.doc).includes('paragraph:Lagt til etter samling 1.'), 5000, 'the server has the paragraph');
    witness.destroy();
    const second = (await api<MilestoneDto>('POST', '/milestones', f.facilitator, { name: 'Etter samling 2' })).body;
    const list = (await api<{ milestones: MilestoneDto[] }>('GET', '/milestones', f.observer)).body.milestones;
    expect(list.map((m) => m.name)).toEqual(['Etter samling 1', 'Etter samling 2']);

    const textAt = async (id: string) => {
      const m = (await api<MilestoneWithSnapshotDto>('GET', `/milestones/${id}`, f.observer)).body;
      const restored = Y.createDocFromSnapshot(a.doc, Y.decodeSnapshot(Buffer.from(m.snapshot, 'base64')));
      return paragraphs(restored).join('\n');
    };
    expect(await textAt(first.body.id)).not.toContain('Lagt til etter samling 1.');
    expect(await textAt(second.id)).toContain('Lagt til etter samling 1.');
    a.destroy();

    for (const bad of ['AAAAAAAAAAAAAAAA', 'not-an-id', '..%2F..%2Fetc']) {
      const r = await api<{ error: { code: string } }>('GET', `/milestones/${bad}`, f.observer);
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('milestone_not_found');
    }
  });

  it('resets to the template only when the vision has no text', async () => {
    expect((await api('POST', '/vision/reset', f.participantA)).status).toBe(403);
    const notEmpty = await api<{ error: { code: string } }>('POST', '/vision/reset', f.facilitator);
    expect(notEmpty.status).toBe(409);
    expect(notEmpty.body.error.code).toBe('document_not_empty');
    const a = provider(s.wsBase, room, f.facilitator, visionDoc());
    await synced(a);
    const fragment = visionFragment(a.doc);
    fragment.delete(0, fragment.length);
    fragment.push([new Y.XmlElement('paragraph')]);
    const witness = provider(s.wsBase, room, f.observer, visionDoc());
    await until(() => visionFragment(witness.doc).length === 1, 5000, 'the server has the emptied vision');
    witness.destroy();
    expect((await api('POST', '/vision/reset', f.facilitator)).status).toBe(204);
    await until(() => paragraphs(a.doc)[0] === 'heading:Draumebiletet vårt', 5000, 'template back in the connected client');
    a.destroy();
  });

  it('refuses with 4414 an update past VISION_MAX_CHARS and keeps the text as it was', async () => {
    const a = provider(s.wsBase, room, f.participantA, visionDoc());
    const b = provider(s.wsBase, room, f.participantB, visionDoc());
    await Promise.all([synced(a), synced(b)]);
    const before = visionTextLength(b.doc);
    const closed = closedFor(a);
    appendParagraph(a.doc, 'x'.repeat(CAP));
    expect((await closed).code).toBe(CloseCode.documentTooLong);
    appendParagraph(b.doc, 'Still writable.');
    const c = provider(s.wsBase, room, f.observer, visionDoc());
    await synced(c);
    await until(() => paragraphs(c.doc).includes('paragraph:Still writable.'));
    expect(visionTextLength(c.doc)).toBe(before + 'Still writable.'.length);
    a.destroy();
    b.destroy();
    c.destroy();
  });
});
