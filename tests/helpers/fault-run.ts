/**
 * Seeded random-network convergence through the real server (issue #18). A server runs in its own
 * process (as `npm start` runs it); stock y-websocket providers for several members (a facilitator,
 * participants of both organisations, an observer who only reads) open a board, the charter and
 * the vision through a fault proxy (./fault-proxy.ts) and make schema-valid edits their role
 * allows while the proxy delays, duplicates, reorders and drops frames and cuts connections.
 * Then the faults stop, every provider reconnects and syncs, and every client and a fresh client
 * of the server (the store) must hold the same document; after a graceful restart the store must
 * still hold it. Everything random is drawn from one seed (FAULT_SEED runs it again; the edits also
 * follow what each client has received by then, so timing can still vary a replay). Used by
 * tests/fault-convergence.test.ts and `npm run reliability:faults`.
 */
import * as prng from 'lib0/prng';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BoardDoc } from '../../shared/board/board-doc.js';
import { PALETTE } from '../../shared/board/schema.js';
import { CharterDoc } from '../../shared/charter/charter-doc.js';
import { ACTOR_KINDS, GENERATIONS, PARADOX_AXES } from '../../shared/charter/schema.js';
import { VISION_DOC_OPTIONS, visionFragment } from '../../shared/vision/schema.js';
import { authorOf, fixture, invite, join } from './api.js';
import { startChild, type ChildServer } from './child-server.js';
import { DEFAULT_RATES, FaultProxy, type FaultCounts, type FaultRates } from './fault-proxy.js';
import { provider, synced, until } from './sync.js';

export interface FaultRunOptions {
  seed: number;
  /** Members who edit (the first is the facilitator); an observer who only reads comes on top. */
  clients: number;
  /** How long the clients edit with faults on. */
  editMs: number;
  /** Milliseconds between two edits (each by a random client in a random room). */
  editEveryMs?: number;
  rates?: FaultRates;
  dataDir: string;
  /** Restart the server (SIGTERM) at the end and compare the store once more. */
  restart?: boolean;
  convergeTimeoutMs?: number;
}

export interface FaultRunResult {
  seed: number;
  clients: number;
  providers: number;
  edits: number;
  counts: FaultCounts;
  /** From `quiesce()` until every client and a fresh client of the server agree (NaN: never). */
  convergeMs: number;
  /** What disagrees, one line each (empty when the run converged). */
  problems: string[];
}

type RoomName = 'board' | 'charter' | 'vision';
const ROOMS: readonly RoomName[] = ['board', 'charter', 'vision'];
const ORIGIN = 'fault-run';

interface Member {
  token: string;
  author: Awaited<ReturnType<typeof authorOf>>;
  facilitator: boolean;
}

interface Client {
  member: Member;
  providers: Record<RoomName, WebsocketProvider>;
  board: BoardDoc;
  charter: CharterDoc;
}

/** lib0's oneOf, for read-only lists too. */
const pick = <T>(gen: prng.PRNG, xs: readonly T[]): T => xs[prng.int32(gen, 0, xs.length - 1)]!;
const docOptions = (room: RoomName) => (room === 'vision' ? VISION_DOC_OPTIONS : {});

/** Sorted keys, so two maps that hold the same entries in another order print the same. */
function stable(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stable);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, stable(x)]));
  return v;
}

/** What a client holds of a room: state vector and deletions (the snapshot), content, and whether anything waits for a missing part. */
export function view(doc: Y.Doc, room: RoomName): string {
  const content =
    room === 'vision'
      ? { text: visionFragment(doc).toString(), comments: doc.getMap('comments').toJSON() }
      : // Roots a client only read are empty maps to it and absent from a fresh copy: left out.
        Object.fromEntries([...doc.share.keys()].sort().flatMap((k) => (doc.getMap(k).size ? [[k, doc.getMap(k).toJSON()]] : [])));
  const pending = doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
  return JSON.stringify({ snapshot: Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString('base64'), pending, content: stable(content) });
}

async function members(base: string, n: number): Promise<{ rooms: Record<RoomName, string>; editors: Member[]; observer: Member; workshopId: string }> {
  const f = await fixture(base);
  const id = f.workshop.id;
  const [orgA, orgB] = f.workshop.organisations;
  const tokens = [f.facilitator, f.participantA, f.participantB];
  for (let i = tokens.length; i < n; i++) {
    const org = i % 2 ? orgA! : orgB!;
    tokens.push((await join(base, (await invite(base, id, f.facilitator, { role: 'participant', organisationId: org.id })).token, `Deltakar ${i}`)).token);
  }
  const member = async (token: string, facilitator = false): Promise<Member> => ({ token, author: await authorOf(base, id, token), facilitator });
  const editors = await Promise.all(tokens.slice(0, n).map((t, i) => member(t, i === 0)));
  return { rooms: { board: f.board, charter: f.charter, vision: `${id}/vision` }, editors, observer: await member(f.observer), workshopId: id };
}

/** One schema-valid edit this member may make (the server refuses the rest: ownership, authors). */
function edit(gen: prng.PRNG, c: Client, room: RoomName, orgs: string[]): void {
  const word = () => prng.word(gen, 1, 8);
  const roll = prng.int32(gen, 0, 9);
  const insertInto = (t: Y.Text | null) => t && t.insert(prng.int32(gen, 0, t.length), ` ${word()}`);
  if (room === 'board') {
    const b = c.board;
    const any = pick(gen, [null, ...b.list()]);
    if (!any || roll < 3) b.create({ kind: pick(gen, ['note', 'rect', 'ellipse', 'text'] as const), x: prng.int32(gen, 0, 2000), y: prng.int32(gen, 0, 2000), text: word() }, c.member.author, ORIGIN);
    else if (roll < 5) b.update(any.id, { x: prng.int32(gen, 0, 2000), y: prng.int32(gen, 0, 2000), color: pick(gen, PALETTE) }, ORIGIN);
    else if (roll < 9) c.board.doc.transact(() => insertInto(b.textOf(any.id)), ORIGIN);
    else b.delete([any.id], ORIGIN);
    return;
  }
  if (room === 'charter') {
    const ch = c.charter;
    const own = c.member.facilitator ? pick(gen, orgs) : c.member.author.organisationId!;
    const actor = pick(gen, [null, ...ch.actors()]);
    const principle = pick(gen, [null, ...ch.principles()]);
    if (roll === 0 || !actor) ch.addActor({ name: word(), kind: pick(gen, ACTOR_KINDS), role: word() }, ORIGIN);
    else if (roll === 1) ch.updateActor(actor.id, { x: prng.int32(gen, 0, 1000), y: prng.int32(gen, 0, 1000) }, ORIGIN);
    else if (roll <= 3) ch.doc.transact(() => insertInto(ch.textOf('actors', actor.id, 'role')), ORIGIN);
    else if (roll === 4) ch.setMaturity(own, pick(gen, GENERATIONS), word(), ORIGIN);
    else if (roll === 5) ch.setParadox(pick(gen, PARADOX_AXES), own, prng.int32(gen, 0, 100), word(), ORIGIN);
    else if (roll === 6 || !principle) ch.addPrinciple(word(), c.member.author.id, ORIGIN);
    else if (roll <= 8) ch.doc.transact(() => insertInto(ch.textOf('principles', principle.id, 'text')), ORIGIN);
    else ch.removeActor(actor.id, ORIGIN);
    return;
  }
  const doc = c.providers.vision.doc;
  const fragment = visionFragment(doc);
  doc.transact(() => {
    const at = prng.int32(gen, 0, fragment.length);
    if (roll < 2 || fragment.length === 0) {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(word())]);
      return fragment.insert(at, [p]);
    }
    const block = fragment.get(Math.min(at, fragment.length - 1));
    const text = block instanceof Y.XmlElement ? block.get(0) : null;
    if (roll === 9 && fragment.length > 4) fragment.delete(Math.min(at, fragment.length - 1), 1);
    else if (text instanceof Y.XmlText && roll >= 7 && text.length > 2) text.delete(prng.int32(gen, 0, text.length - 2), 2);
    else if (text instanceof Y.XmlText) insertInto(text);
  }, ORIGIN);
}

function open(wsBase: string, rooms: Record<RoomName, string>, member: Member, closes: string[], label: string, gen: prng.PRNG): Client {
  const providers = Object.fromEntries(ROOMS.map((r) => [r, provider(wsBase, rooms[r], member.token, new Y.Doc(docOptions(r)))])) as Record<RoomName, WebsocketProvider>;
  for (const r of ROOMS) providers[r].on('closed', (e) => closes.push(`${label} ${r}: closed for good with ${e.code} ${e.reason}`));
  const newId = () => prng.word(gen, 16, 16);
  return { member, providers, board: new BoardDoc(providers.board.doc, newId), charter: new CharterDoc(providers.charter.doc, newId) };
}

/** What a fresh client of `server` sees of each room. */
async function storeViews(server: ChildServer, rooms: Record<RoomName, string>, token: string): Promise<Record<RoomName, string>> {
  const out = {} as Record<RoomName, string>;
  for (const r of ROOMS) {
    const p = provider(server.wsBase, rooms[r], token, new Y.Doc(docOptions(r)));
    try {
      await synced(p, 10_000);
      out[r] = view(p.doc, r);
    } finally {
      p.destroy();
      p.doc.destroy();
    }
  }
  return out;
}

/** Lines naming each client whose view of a room differs from `want`. */
function disagreements(clients: Client[], want: Record<RoomName, string>, what: string): string[] {
  return clients.flatMap((c, i) => ROOMS.flatMap((r) => (view(c.providers[r].doc, r) === want[r] ? [] : [`client ${i} (${c.member.author.name}) ${r} differs from ${what}`])));
}

export async function runFaults(opts: FaultRunOptions): Promise<FaultRunResult> {
  // Each provider listens for the process's exit (y-websocket, in Node).
  process.setMaxListeners(Math.max(process.getMaxListeners(), (opts.clients + 1) * ROOMS.length + 16));
  const gen = prng.create(opts.seed);
  let server = await startChild({ DATA_DIR: opts.dataDir, LOG_LEVEL: 'error' });
  const proxy = await FaultProxy.start(`ws://127.0.0.1:${server.port}`, prng.uint32(gen, 0, 2 ** 31), opts.rates ?? DEFAULT_RATES);
  const problems: string[] = [];
  const clients: Client[] = [];
  let edits = 0;
  let convergeMs = NaN;
  const logged: string[] = [];
  const errorsIn = (s: ChildServer) => s.output().split('\n').filter((l) => /"level":(50|60)/.test(l));
  try {
    const { rooms, editors, observer, workshopId } = await members(server.base, opts.clients);
    const orgs = [...new Set(editors.flatMap((m) => (m.author.organisationId ? [m.author.organisationId] : [])))];
    for (const [i, m] of [...editors, observer].entries()) clients.push(open(proxy.wsBase, rooms, m, problems, `client ${i}`, gen));
    await Promise.all(clients.flatMap((c) => ROOMS.map((r) => synced(c.providers[r], 10_000))));
    proxy.inject();
    const end = Date.now() + opts.editMs;
    while (Date.now() < end) {
      edit(gen, pick(gen, clients.slice(0, editors.length)), pick(gen, ROOMS), orgs);
      edits++;
      await new Promise((r) => setTimeout(r, opts.editEveryMs ?? 10));
    }
    proxy.quiesce();
    const quiet = performance.now();
    const timeout = opts.convergeTimeoutMs ?? 20_000;
    try {
      await until(() => problems.length > 0 || clients.every((c) => ROOMS.every((r) => c.providers[r].synced && c.providers[r].wsconnected)), timeout, 'every client reconnected');
      await until(async () => {
        if (problems.length) return true;
        const first = Object.fromEntries(ROOMS.map((r) => [r, view(clients[0]!.providers[r].doc, r)])) as Record<RoomName, string>;
        if (disagreements(clients, first, 'client 0').length) return false;
        return disagreements(clients, await storeViews(server, rooms, observer.token), 'the store').length === 0;
      }, timeout, 'every client and the store agree');
      if (!problems.length) convergeMs = performance.now() - quiet;
    } catch {
      const stored = await storeViews(server, rooms, observer.token).catch((err: Error) => (problems.push(`the store did not answer: ${err.message}`), null));
      if (stored) problems.push(...disagreements(clients, stored, 'the store'));
      problems.push(...clients.flatMap((c, i) => ROOMS.flatMap((r) => (c.providers[r].synced ? [] : [`client ${i} ${r} not synced`]))));
    }
    if (opts.restart && !problems.length) {
      const before = Object.fromEntries(ROOMS.map((r) => [r, view(clients[0]!.providers[r].doc, r)])) as Record<RoomName, string>;
      for (const c of clients) for (const r of ROOMS) c.providers[r].destroy();
      server.proc.kill('SIGTERM');
      if ((await server.exited) !== 0) problems.push(`the server did not stop cleanly:\n${server.output()}`);
      logged.push(...errorsIn(server));
      server = await startChild({ DATA_DIR: opts.dataDir, LOG_LEVEL: 'error' });
      const after = await storeViews(server, rooms, observer.token);
      for (const r of ROOMS) if (after[r] !== before[r]) problems.push(`${r} after a restart differs from what the clients agreed on`);
    }
    logged.push(...errorsIn(server));
    if (logged.length) problems.push(`the server logged errors (workshop ${workshopId}):\n${logged.join('\n')}`);
  } finally {
    // The doc too: its awareness keeps a timer running until then.
    for (const p of clients.flatMap((c) => ROOMS.map((r) => c.providers[r]))) {
      p.destroy();
      p.doc.destroy();
    }
    await proxy.close();
    server.proc.kill('SIGTERM');
    await server.exited;
  }
  return { seed: opts.seed, clients: opts.clients, providers: clients.length * ROOMS.length, edits, counts: { ...proxy.counts }, convergeMs, problems };
}
