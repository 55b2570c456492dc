/**
 * A filled charter for `npm run bench:export`, as a real workshop grows one: six organisations
 * with a participant each, a long vision, an actor map of 24 actors and 40 relations (the figure),
 * every organisation's maturity and paradox answers, governance bodies, escalation, funding,
 * a responsibility matrix, and 20 principles, 12 of them proposed and endorsed by every
 * organisation. Written through the same doors the app uses: REST, socket.io and y-websocket.
 */
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { CharterDoc } from '../../shared/charter/charter-doc.js';
import { ACTOR_KINDS, PARADOX_AXES, RELATION_KINDS } from '../../shared/charter/schema.js';
import { VISION_DOC_OPTIONS, visionFragment } from '../../shared/vision/schema.js';
import { syncMessage } from './clients.js';

export const BENCH_ORGANISATIONS = ['Helsedirektoratet', 'Bergen kommune', 'NAV', 'Statsforvaltaren i Vestland', 'Foreldreforeininga', 'Digitaliseringsdirektoratet'];

const LONG =
  'Vi samarbeider på tvers av etatar og forvaltningsnivå slik at familiar med alvorleg sjuke born møter éi dør inn, ' +
  'får same svar uansett kven dei spør, og slepp å fortelje historia si på nytt.';
const ACTOR_NAMES = ['Helseføretak', 'Kommune', 'Departement', 'Leverandør', 'Pasientforeining', 'Familiar'];

interface Workshop {
  id: string;
  token: string;
  organisations: { id: string; name: string }[];
}

async function post<T>(base: string, path: string, body: unknown, token?: string): Promise<T> {
  const r = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  if (r.status !== 201) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

/** Sends the whole document as one update and waits a moment for the server to store it. */
async function push(base: string, room: string, token: string, doc: Y.Doc): Promise<void> {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/sync/${room}?token=${token}`);
  await new Promise((r) => ws.once('open', r));
  ws.send(syncMessage(2, Y.encodeStateAsUpdate(doc)));
  await new Promise((r) => setTimeout(r, 500));
  ws.close();
}

function block(name: string, text: string, attrs: Record<string, string | number> = {}): Y.XmlElement {
  const el = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v as string);
  const t = new Y.XmlText();
  t.insert(0, text);
  el.insert(0, [t]);
  return el;
}

function vision(): Y.Doc {
  const doc = new Y.Doc(VISION_DOC_OPTIONS);
  const blocks: Y.XmlElement[] = [];
  for (let s = 1; s <= 6; s++) {
    blocks.push(block('heading', `Del ${s}: korleis vi vil ha det`, { level: 2 }));
    for (let i = 0; i < 4; i++) blocks.push(block('paragraph', `${LONG} (${s}.${i + 1})`));
    const list = new Y.XmlElement('bullet_list');
    list.insert(0, [1, 2, 3].map((n) => {
      const item = new Y.XmlElement('list_item');
      item.insert(0, [block('paragraph', `Punkt ${n}: ei teneste som heng saman frå første kontakt til siste vedtak`)]);
      return item;
    }));
    blocks.push(list);
  }
  visionFragment(doc).push(blocks);
  return doc;
}

function charter(w: Workshop): Y.Doc {
  const doc = new Y.Doc();
  let n = 0;
  const c = new CharterDoc(doc, () => `c${(n++).toString().padStart(15, '0')}`);
  const actors = Array.from({ length: 24 }, (_, i) =>
    c.addActor({
      name: `${ACTOR_NAMES[i % 6]} ${i + 1}`,
      kind: ACTOR_KINDS[i % ACTOR_KINDS.length]!,
      role: LONG.slice(0, 90),
      needs: LONG.slice(40, 160),
      requirements: 'Personvern, informasjonstryggleik og universell utforming',
      gains: 'Færre søknader, raskare svar',
    }, 'bench'),
  );
  for (let i = 0; i < 40; i++) c.addRelation(actors[i % 24]!, actors[(i * 7 + 3) % 24]!, RELATION_KINDS[i % RELATION_KINDS.length]!, 'bench', i % 3 ? '' : 'Avtale frå 2025');
  w.organisations.forEach((o, i) => {
    c.setMaturity(o.id, ((i % 4) + 1) as 1 | 2 | 3 | 4, `${o.name}: ${LONG.slice(0, 120)}`, 'bench');
    PARADOX_AXES.forEach((axis, k) => c.setParadox(axis, o.id, (i * 17 + k * 23) % 100, k % 2 ? 'Vi lener mot det felles' : '', 'bench'));
  });
  const rules = ['consensus', 'consent', 'majority', 'lead_decides'] as const;
  const bodies = ['Styringsgruppe', 'Programråd', 'Fagforum', 'Brukarpanel', 'Arbeidsutval'].map((name, i) =>
    c.addBody({ name, mandate: LONG, members: w.organisations.slice(0, 2 + i).map((o) => o.id), chair: w.organisations[i]!.name, rule: rules[i % 4], rhythm: 'Kvar månad' }, 'bench'),
  );
  ['Arbeidsgruppe', 'Fagforum', 'Programråd', 'Styringsgruppe'].forEach((label, i) => c.addEscalationStep(label, bodies[i] ?? null, 'bench'));
  w.organisations.forEach((o, i) => c.addFunding({ who: i % 2 ? o.name : `Tilskot via ${o.name}`, amount: 250_000 * (i + 1), share: i < 5 ? 20 : 0, organisationId: o.id }, 'bench'));
  for (let i = 0; i < 8; i++) {
    const d = c.addDecision(`Vedtak om tiltak ${i + 1}`, 'bench');
    c.setResponsibility(d, bodies[i % 5]!, 'decide', 'bench');
    c.setResponsibility(d, w.organisations[i % 6]!.id, 'consult', 'bench');
    c.setResponsibility(d, w.organisations[(i + 1) % 6]!.id, 'inform', 'bench');
  }
  return doc;
}

function socket(base: string, token: string): Promise<Socket> {
  const s = io(base, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    s.once('state.synced', () => resolve(s));
    s.once('connect_error', reject);
  });
}

async function ok(s: Socket, name: string, payload: unknown): Promise<void> {
  const r = (await s.timeout(10_000).emitWithAck(name, payload)) as { ok: boolean; error?: unknown };
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
}

export async function fillCharter(base: string, w: Workshop): Promise<void> {
  await push(base, `${w.id}/vision`, w.token, vision());
  await push(base, `${w.id}/charter`, w.token, charter(w));
  // One participant per organisation but the facilitator's (the first), who take the stances.
  const tokens = [w.token];
  for (const o of w.organisations.slice(1)) {
    const inv = await post<{ token: string }>(base, `/api/workshops/${w.id}/invites`, { role: 'participant', organisationId: o.id }, w.token);
    tokens.push((await post<{ token: string }>(base, '/api/join', { inviteToken: inv.token, displayName: `Deltakar ${o.name}` })).token);
  }
  const ids: string[] = [];
  for (let i = 0; i < 20; i++) {
    const text = `Prinsipp ${i + 1}: vi deler det vi kan, og vi seier frå når vi ikkje kan.\n${LONG}`;
    ids.push((await post<{ id: string }>(base, `/api/workshops/${w.id}/principles`, { text }, w.token)).id);
  }
  const sockets = await Promise.all(tokens.map((t) => socket(base, t)));
  try {
    for (const principleId of ids.slice(0, 12)) {
      await ok(sockets[0]!, 'principle.propose', { principleId });
      for (const [k, s] of sockets.entries()) {
        await ok(s, 'principle.endorse', { principleId, stance: k === 5 && principleId === ids[3] ? 'abstain' : 'endorse', ...(k % 2 ? { reason: 'Godt for familiane' } : {}) });
      }
    }
  } finally {
    for (const s of sockets) s.close();
  }
}
