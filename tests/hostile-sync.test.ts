/**
 * Issue #12, findings 2, 3 and 6: a member with a modified client sends updates that once crashed,
 * froze or bloated the server. Each is refused (4422 naming the rule, or 4414 for a cap) to the
 * sender only; the server, the room and every other member carry on, newcomers still sync and the
 * workshop still backs up. Run on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../shared/errors.js';
import { authorOf, call, fixture, type Fixture } from './helpers/api.js';
import {
  anyContent, binaryContent, ContentRef, craftUpdate, deepAnyContent, docContent, embedContent, formatContent, jsonContent, nestedJson,
  stringContent, TypeRef, typeContent, type CraftedItem,
} from './helpers/crafted-updates.js';
import { startServer, type TestServer } from './helpers/server.js';
import { absentServices, createTestDatabase, pgUnreachable } from './helpers/services.js';
import { closedFor, provider, RawClient, synced, until } from './helpers/sync.js';

const noPostgres = absentServices([['PostgreSQL', await pgUnreachable()]]);
const STORES = noPostgres ? ['SQLite'] : ['SQLite', 'PostgreSQL'];
const HOSTILE_CLIENT = 777_001;

type Kind = 'board' | 'charter' | 'vision';
interface Case {
  name: string;
  rooms: Kind[];
  item: Omit<CraftedItem, 'client'>;
  rule: string;
}

const inMap = (ref: number, content: CraftedItem['content']): Omit<CraftedItem, 'client'> => ({ root: 'elements', key: 'x', ref, content });
const inText = (ref: number, content: CraftedItem['content']): Omit<CraftedItem, 'client'> => ({ root: 'prosemirror', key: null, ref, content });

const CASES: Case[] = [
  { name: 'ContentJSON nesting 5,000 arrays (the crash)', rooms: ['board', 'charter', 'vision'], item: inMap(ContentRef.json, jsonContent(nestedJson(5000))), rule: 'content-kind' },
  { name: 'a plain ContentJSON', rooms: ['board', 'charter', 'vision'], item: inMap(ContentRef.json, jsonContent('{"a":1}')), rule: 'content-kind' },
  { name: 'ContentBinary', rooms: ['board', 'charter'], item: inMap(ContentRef.binary, binaryContent(new Uint8Array([1, 2, 3]))), rule: 'content-kind' },
  { name: 'ContentEmbed', rooms: ['board', 'vision'], item: inText(ContentRef.embed, embedContent('{"img":"x"}')), rule: 'content-kind' },
  { name: 'ContentDoc', rooms: ['board', 'charter', 'vision'], item: inMap(ContentRef.doc, docContent('sub')), rule: 'content-kind' },
  { name: 'ContentAny nested 9 deep', rooms: ['board', 'charter', 'vision'], item: inMap(ContentRef.any, deepAnyContent(9)), rule: 'nesting' },
  { name: 'a Y.Array', rooms: ['board', 'charter'], item: inMap(ContentRef.type, typeContent(TypeRef.array)), rule: 'type-kind' },
  { name: 'an XML element', rooms: ['board', 'charter'], item: inMap(ContentRef.type, typeContent(TypeRef.xmlElement, 'p')), rule: 'type-kind' },
  { name: 'an XML hook', rooms: ['vision'], item: inMap(ContentRef.type, typeContent(TypeRef.xmlHook, 'h')), rule: 'type-kind' },
  { name: 'ContentFormat', rooms: ['board', 'charter'], item: inText(ContentRef.format, formatContent('bold', 'true')), rule: 'content-kind' },
  { name: 'ContentFormat nested 20 deep', rooms: ['vision'], item: inText(ContentRef.format, formatContent('link', nestedJson(20))), rule: 'nesting' },
];

describe.each(STORES)('hostile updates on %s', (store) => {
  let s: TestServer;
  let f: Fixture;
  let drop: (() => Promise<void>) | undefined;
  let rooms: Record<Kind, string>;
  beforeAll(async () => {
    const env: Record<string, string> = {};
    if (store === 'PostgreSQL') {
      const db = await createTestDatabase();
      drop = db.drop;
      env.DATABASE_URL = db.url;
    }
    s = await startServer(env);
    f = await fixture(s.base);
    rooms = { board: f.board, charter: f.charter, vision: `${f.workshop.id}/vision` };
  });
  afterAll(async () => {
    await s.stop();
    s.cleanup();
    await drop?.();
  });

  const raw = async (room: string, token = f.participantA) => {
    const c = new RawClient(`${s.wsBase}/${room}?token=${token}`);
    await c.opened;
    return c;
  };
  const closeReason = (c: RawClient) => new Promise<string>((resolve) => c.ws.once('close', (_code, reason) => resolve(reason.toString())));

  /** A bystander stays connected and sees a later edit; a newcomer syncs; the workshop backs up. */
  async function roomStillWorks(kind: Kind, bystander: ReturnType<typeof provider>): Promise<void> {
    const writer = provider(s.wsBase, rooms[kind], f.participantA);
    await synced(writer);
    const mark = `after-${Math.random()}`;
    // A root map no schema reads (a board's `comments` are checked comments since issue #16).
    writer.doc.getMap('probe').set(mark, 1);
    await until(() => bystander.doc.getMap('probe').get(mark) === 1, 5000, 'a later edit reaches the bystander');
    const newcomer = provider(s.wsBase, rooms[kind], f.participantB);
    await synced(newcomer);
    expect(newcomer.doc.getMap('probe').get(mark)).toBe(1);
    writer.destroy();
    newcomer.destroy();
    const backup = await call(s.base, 'GET', `/api/workshops/${f.workshop.id}/backup`, undefined, f.facilitator);
    expect(backup.status).toBe(200);
  }

  for (const c of CASES) {
    for (const kind of c.rooms) {
      it(`${c.name} in the ${kind} room: 4422 "${c.rule}" to the sender only`, async () => {
        const bystander = provider(s.wsBase, rooms[kind], f.participantB);
        await synced(bystander);
        const hostile = await raw(rooms[kind]);
        const reason = closeReason(hostile);
        hostile.sendUpdate(craftUpdate([{ client: HOSTILE_CLIENT, ...c.item }]));
        expect(await hostile.closed).toBe(CloseCode.updateRefused);
        expect(await reason).toBe(`update refused: ${c.rule}`);
        expect(bystander.wsconnected).toBe(true);
        const stored = await s.app.registry.read(rooms[kind], (doc) => Y.encodeStateVector(doc));
        expect(Y.decodeStateVector(stored).has(HOSTILE_CLIENT)).toBe(false);
        await roomStillWorks(kind, bystander);
        bystander.destroy();
      });
    }
  }

  it('a stock provider writing a nested Y.Array on a board is closed for good with 4422', async () => {
    const hostile = provider(s.wsBase, f.board, f.participantA);
    await synced(hostile);
    const closed = closedFor(hostile);
    hostile.doc.getMap('elements').set('sneaky', new Y.Array());
    expect(await closed).toEqual(expect.objectContaining({ code: CloseCode.updateRefused, reason: 'update refused: type-kind' }));
    hostile.destroy();
  });

  it('shared types nested past the room kind\'s level are refused (4422 nesting), in one update or one by one', async () => {
    const board = provider(s.wsBase, f.board, f.participantA);
    await synced(board);
    const closed = closedFor(board);
    board.doc.transact(() => {
      let map = new Y.Map<unknown>();
      board.doc.getMap('elements').set('deep', map);
      for (let i = 0; i < 5; i++) map.set('inner', (map = new Y.Map<unknown>()));
    });
    expect(await closed).toEqual(expect.objectContaining({ code: CloseCode.updateRefused, reason: 'update refused: nesting' }));
    board.destroy();
    // The vision allows 64 levels; a chain of 100 elements, even sent one level per update, is refused.
    const vision = provider(s.wsBase, rooms.vision, f.participantA, new Y.Doc({ gc: false }));
    await synced(vision);
    const visionClosed = closedFor(vision, 10_000);
    let parent: Y.XmlElement | Y.XmlFragment = vision.doc.getXmlFragment('prosemirror');
    for (let i = 0; i < 100 && vision.wsconnected; i++) {
      const el: Y.XmlElement = new Y.XmlElement('blockquote');
      parent.insert(0, [el]);
      parent = el;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await visionClosed).toEqual(expect.objectContaining({ code: CloseCode.updateRefused, reason: 'update refused: nesting' }));
    const deepest = await s.app.registry.read(rooms.vision, (d) => {
      let level = 0;
      for (let el = d.getXmlFragment('prosemirror').get(0); el instanceof Y.XmlElement && el.nodeName === 'blockquote'; el = el.get(0)) level++;
      return level;
    });
    expect(deepest).toBeLessThanOrEqual(64);
    vision.destroy();
  });

  it('a new shared type under a parent the server does not have is refused (4422 unknown-parent)', async () => {
    const hostile = await raw(f.charter);
    const reason = closeReason(hostile);
    hostile.sendUpdate(craftUpdate([{ client: HOSTILE_CLIENT + 3, clock: 0, root: '', parentId: [HOSTILE_CLIENT + 4, 7], key: 'x', ref: ContentRef.type, content: typeContent(TypeRef.map) }]));
    expect(await hostile.closed).toBe(CloseCode.updateRefused);
    expect(await reason).toBe('update refused: unknown-parent');
  });

  it('content the rules allow still syncs: maps, texts, values 8 deep, and the vision\'s XML and formats', async () => {
    const a = provider(s.wsBase, rooms.vision, f.participantA);
    const b = provider(s.wsBase, rooms.vision, f.participantB);
    await Promise.all([synced(a), synced(b)]);
    const frag = a.doc.getXmlFragment('prosemirror');
    const p = new Y.XmlElement('paragraph');
    const t = new Y.XmlText();
    frag.insert(frag.length, [p]);
    p.insert(0, [t]);
    t.insert(0, 'lenke', { link: { href: 'https://example.no' } });
    a.doc.getMap('comments').set('deep', [[[[[[[['ok']]]]]]]]);
    await until(() => b.doc.getMap('comments').has('deep'), 5000, 'allowed content');
    expect(b.doc.getXmlFragment('prosemirror').toString()).toContain('lenke');
    expect(a.wsconnected).toBe(true);
    a.destroy();
    b.destroy();
  });

  it('a stored update that breaks the document is left out when the room loads (and an innocent newcomer is never told 4400)', async () => {
    const room = `${f.workshop.id}/board/${f.workshop.boards[0]!.id}`;
    const before = provider(s.wsBase, room, f.participantA);
    await synced(before);
    before.doc.getMap('probe').set('kept', 'yes');
    await until(() => s.app.registry.rooms().some((r) => r.name === room && r.doc.getMap('probe').get('kept') === 'yes'), 5000, 'stored');
    before.destroy();
    await until(() => !s.app.registry.rooms().some((r) => r.name === room), 20_000, 'room unloaded');
    // Written straight into the store, as an older server without the rules would have stored it.
    await s.app.store.docs.appendUpdate(room, craftUpdate([{ client: HOSTILE_CLIENT, ...inMap(ContentRef.json, jsonContent(nestedJson(5000))) }]));
    const newcomer = provider(s.wsBase, room, f.participantB);
    const closes: number[] = [];
    newcomer.on('connection-close', (e: CloseEvent | null) => e && closes.push(e.code));
    await synced(newcomer, 10_000);
    expect(newcomer.doc.getMap('probe').get('kept')).toBe('yes');
    expect(closes).not.toContain(CloseCode.malformedMessage);
    const backup = await call(s.base, 'GET', `/api/workshops/${f.workshop.id}/backup`, undefined, f.facilitator);
    expect(backup.status).toBe(200);
    newcomer.destroy();
  });

  it('a 14-byte vision update deleting 2^40 clocks does not freeze the server', async () => {
    const watcher = provider(s.wsBase, rooms.vision, f.participantB);
    await synced(watcher);
    const hostile = await raw(rooms.vision);
    // The template's client: the range starts on items that exist and runs 2^40 clocks past them.
    const [templateClient] = await s.app.registry.read(rooms.vision, (d) => [...Y.decodeStateVector(Y.encodeStateVector(d)).keys()]);
    const update = craftUpdate([], [[templateClient!, 0, 2 ** 40]]);
    expect(update.byteLength).toBeLessThan(20);
    hostile.sendUpdate(update);
    const started = Date.now();
    const health = await fetch(`${s.base}/healthz`);
    expect(health.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    // The server went on: a later edit still reaches the watcher.
    const writer = provider(s.wsBase, rooms.vision, f.participantA);
    await synced(writer);
    writer.doc.getMap('comments').set('still', 1);
    await until(() => watcher.doc.getMap('comments').get('still') === 1, 5000, 'edit after the big delete');
    writer.destroy();
    watcher.destroy();
    hostile.close();
  });

  it('strings and values of every allowed kind from a crafted client are accepted (the rules are not a blanket refusal)', async () => {
    const hostile = await raw(rooms.charter);
    hostile.sendUpdate(craftUpdate([{ client: HOSTILE_CLIENT + 1, root: 'actors', key: 'a', ref: ContentRef.any, content: anyContent({ name: 'NAV', tags: ['x'] }) }]));
    hostile.sendUpdate(craftUpdate([{ client: HOSTILE_CLIENT + 2, root: 'notes', key: null, ref: ContentRef.string, content: stringContent('hei') }]));
    await until(async () => (await s.app.registry.read(rooms.charter, (d) => Y.decodeStateVector(Y.encodeStateVector(d)).has(HOSTILE_CLIENT + 2))), 5000, 'stored');
    expect(hostile.closeCode).toBeNull();
    hostile.close();
  });
});

describe('size caps', () => {
  let s: TestServer;
  let f: Fixture;
  beforeAll(async () => {
    s = await startServer({ SYNC_MAX_DOC_BYTES: String(64 * 1024), BOARD_MAX_ELEMENTS: '10' });
    f = await fixture(s.base);
  });
  afterAll(async () => {
    await s.stop();
    s.cleanup();
  });

  it('deleted content counts: typing and deleting in the vision stops at SYNC_MAX_DOC_BYTES with 4414', async () => {
    const p = provider(s.wsBase, `${f.workshop.id}/vision`, f.participantA, new Y.Doc({ gc: false }));
    await synced(p);
    const closed = closedFor(p, 20_000);
    const text = p.doc.getText('scratch');
    let rounds = 0;
    const timer = setInterval(() => {
      if (!p.wsconnected) return;
      rounds++;
      text.insert(0, 'x'.repeat(4000));
      text.delete(0, 4000);
    }, 5);
    const e = await closed.finally(() => clearInterval(timer));
    expect(e).toEqual(expect.objectContaining({ code: CloseCode.documentTooLong, reason: 'document too large' }));
    expect(rounds).toBeGreaterThan(5);
    const room = s.app.registry.rooms().find((r) => r.name === `${f.workshop.id}/vision`)!;
    expect(room.storedBytes).toBeLessThanOrEqual(64 * 1024);
    expect(room.doc.getText('scratch').length).toBe(0);
    p.destroy();
  });

  it('a board takes at most BOARD_MAX_ELEMENTS elements; the update past it closes with 4414', async () => {
    const p = provider(s.wsBase, f.board, f.participantA);
    await synced(p);
    const me = await authorOf(s.base, f.workshop.id, f.participantA);
    // An element names its author (the server refuses one that names someone else).
    const authored = () => new Y.Map<unknown>([['authorId', me.id], ['organisationId', me.organisationId]]);
    const elements = p.doc.getMap<Y.Map<unknown>>('elements');
    const existing = elements.size;
    for (let i = existing; i < 10; i++) elements.set(`note-${i}`, authored());
    await until(() => s.app.registry.rooms().some((r) => r.name === f.board && r.doc.getMap('elements').size === 10), 5000, 'ten elements stored');
    const closed = closedFor(p);
    elements.set('one-too-many', authored());
    expect(await closed).toEqual(expect.objectContaining({ code: CloseCode.documentTooLong, reason: 'too many elements' }));
    const room = s.app.registry.rooms().find((r) => r.name === f.board)!;
    expect(room.doc.getMap('elements').has('one-too-many')).toBe(false);
    p.destroy();
  });
});
