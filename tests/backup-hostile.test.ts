/**
 * Issue #12, findings 1 and 5, on SQLite and PostgreSQL. (1) An observer of workshop V backs up a
 * throwaway workshop of their own, adds rows naming V's ids, reseals the checksum and imports it:
 * every such file is refused and V is unchanged (members, stances, answers, votes, locks, audit).
 * (5) A backup carries no votes and no unrevealed answers: closed rounds carry their tally, open
 * rounds and unrevealed questions are imported closed without a result and listed in `warnings`.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportedWorkshopDto } from '../shared/api.js';
import type { WorkshopState } from '../shared/realtime/index.js';
import { call, createWorkshop, fixture, type Fixture } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';
import { absentServices, createTestDatabase, pgUnreachable } from './helpers/services.js';
import { connected, connectedAll } from './helpers/socket.js';
import { provider, synced } from './helpers/sync.js';
import { HOSTILE } from './helpers/hostile.js';
import { fillWorkshop } from './helpers/workshop-content.js';

type Row = Record<string, unknown>;
interface BackupFile {
  sha256: string;
  content: { sourceWorkshopId: string; rows: Record<string, Row[]>; docs: Record<string, string> };
}

const noPostgres = absentServices([['PostgreSQL', await pgUnreachable()]]);
const STORES = noPostgres ? ['SQLite'] : ['SQLite', 'PostgreSQL'];
const at = '2026-01-01T00:00:00.000Z';

const resealed = (file: BackupFile, change: (rows: Record<string, Row[]>) => void): BackupFile => {
  const content = structuredClone(file.content);
  change(content.rows);
  return { ...file, content, sha256: createHash('sha256').update(JSON.stringify(content)).digest('hex') };
};

describe.each(STORES)('on %s', (kind) => {
  let s: TestServer;
  let f: Fixture;
  let drop: (() => Promise<void>) | undefined;
  let ids: { V: string; orgA: string; orgB: string; board: string; principle: string; openRound: string; closedRound: string; question: string; ola: string; kari: string; observer: string; elements: string[] };
  let milestoneOfV: string;
  let closedResults: WorkshopState['rounds'][number]['results'];

  const backupOf = async (workshopId: string, token: string) => {
    const r = await fetch(`${s.base}/api/workshops/${workshopId}/backup`, { headers: { authorization: `Bearer ${token}` } });
    expect(r.status).toBe(200);
    return { raw: await r.clone().text(), file: (await r.json()) as BackupFile };
  };
  const importFile = (backup: unknown) => call<ImportedWorkshopDto & { error: { code: string; message: string } }>(s.base, 'POST', '/api/workshops/import', { displayName: 'Importør', backup });
  const stateOf = async (token: string) => {
    const sock = await connected(s.base, token);
    const state = await sock.synced;
    sock.close();
    return state;
  };
  /** What V looks like to its facilitator: everything the attack changed before the fix. */
  const viewOfV = async () => {
    const st = await stateOf(f.facilitator);
    const members = (await call<{ members: unknown[] }>(s.base, 'GET', `/api/workshops/${ids.V}/members`, undefined, f.facilitator)).body;
    const audit = (await call<{ entries: unknown[]; verification: { ok: boolean } }>(s.base, 'GET', `/api/workshops/${ids.V}/audit`, undefined, f.facilitator)).body;
    return { members, audit, lockedBoards: st.lockedBoards, rounds: st.rounds, questions: st.questions, principles: st.principles };
  };

  beforeAll(async () => {
    const env: Record<string, string> = {};
    if (kind === 'PostgreSQL') {
      const db = await createTestDatabase();
      drop = db.drop;
      Object.assign(env, { DATABASE_URL: db.url, SESSION_SECRET: 'z'.repeat(40) });
    }
    s = await startServer(env);
    f = await fixture(s.base);
    await fillWorkshop(s.wsBase, f.workshop, f.facilitator, HOSTILE);
    const V = f.workshop.id;
    const p = provider(s.wsBase, f.board, f.facilitator);
    await synced(p);
    const elements = [...p.doc.getMap('elements').keys()];
    p.destroy();
    const principle = (await call<{ id: string }>(s.base, 'POST', `/api/workshops/${V}/principles`, { text: 'Opne data' }, f.facilitator)).body.id;
    const [fac, pa, pb] = await connectedAll(s.base, f.facilitator, f.participantA, f.participantB);
    await fac.ok('principle.propose', { principleId: principle });
    const boardId = f.workshop.boards[0]!.id;
    const closedRound = (await fac.ok('vote.open', { boardId, votesPerPerson: 2, elementIds: elements })).roundId;
    await pa.ok('vote.cast', { roundId: closedRound, elementId: elements[0] });
    await pb.ok('vote.cast', { roundId: closedRound, elementId: elements[0] });
    await pb.ok('vote.cast', { roundId: closedRound, elementId: elements[1] });
    closedResults = (await fac.ok('vote.close', { roundId: closedRound })).results;
    const openRound = (await fac.ok('vote.open', { boardId, votesPerPerson: 2, elementIds: elements })).roundId;
    await pa.ok('vote.cast', { roundId: openRound, elementId: elements[1] });
    const { questionId } = await fac.ok('question.open', { kind: 'maturity' });
    await pa.ok('answer.submit', { questionId, value: { generation: 2, justification: 'Hemmeleg svar frå Ola' } });
    for (const x of [fac, pa, pb]) x.close();
    const milestone = (await call<{ id: string }>(s.base, 'POST', `/api/workshops/${V}/milestones`, { name: 'Etter samling 1' }, f.facilitator)).body.id;
    const members = (await call<{ members: { id: string; displayName: string }[] }>(s.base, 'GET', `/api/workshops/${V}/members`, undefined, f.observer)).body.members;
    const named = (n: string) => members.find((m) => m.displayName === n)!.id;
    const [orgA, orgB] = f.workshop.organisations;
    ids = { V, orgA: orgA!.id, orgB: orgB!.id, board: boardId, principle, openRound, closedRound, question: questionId, ola: named('Ola'), kari: named('Kari'), observer: named('Olav Observatør'), elements };
    milestoneOfV = milestone;
  }, 120_000);

  afterAll(async () => {
    await s?.stop();
    s?.cleanup();
    await drop?.();
  });

  it('finding 1: an import naming another workshop\'s ids is refused, and that workshop is unchanged', async () => {
    const before = await viewOfV();
    // The observer's own throwaway workshop, backed up by its (their) facilitator account.
    const own = await createWorkshop(s.base, 'Kasteverkstad');
    const { file } = await backupOf(own.id, own.token);
    const T = file.content.sourceWorkshopId;
    const ownMember = file.content.rows.members![0]!.id as string;
    expect((await importFile(file)).status).toBe(201); // the untouched file imports
    const attacks: Record<string, (rows: Record<string, Row[]>) => void> = {
      'stances for both organisations on V\'s principle': (rows) => {
        rows.stances = [ids.orgA, ids.orgB].map((org, i) => ({ workshop_id: ids.V, principle_id: ids.principle, version: 1, organisation_id: org, member_id: i ? ids.kari : ids.ola, stance: 'endorse', reason: null, at }));
      },
      'a ghost facilitator in V': (rows) => {
        rows.members!.push({ id: 'ghostFacilitator', workshop_id: ids.V, display_name: 'Ghost', role: 'facilitator', organisation_id: null, token_hash: 'x'.repeat(64), created_at: at });
      },
      'private answers to V\'s question': (rows) => {
        rows.answers = [{ question_id: ids.question, member_id: ids.kari, organisation_id: ids.orgB, value: '{"generation":4}', at }];
      },
      '25 votes past the budget in V\'s round': (rows) => {
        rows.votes = Array.from({ length: 25 }, () => ({ round_id: ids.openRound, member_id: ids.kari, element_id: ids.elements[0]!, at }));
      },
      'a lock on V\'s board': (rows) => {
        rows.board_locks = [{ workshop_id: ids.V, board_id: ids.board, locked_by: ids.observer, locked_at: at }];
      },
      'a member of its own workshop in V\'s organisation': (rows) => {
        rows.members![0]!.organisation_id = ids.orgA;
      },
      'a lock on its own workshop naming V\'s board': (rows) => {
        rows.board_locks = [{ workshop_id: T, board_id: ids.board, locked_by: ownMember, locked_at: at }];
      },
      'the same hand raised twice in its own workshop': (rows) => {
        rows.raised_hands = [at, at].map((when) => ({ workshop_id: T, member_id: ownMember, at: when }));
      },
      'a binding of V\'s principle to V\'s organisation': (rows) => {
        rows.principle_bindings = [{ workshop_id: ids.V, principle_id: ids.principle, version: 1, organisation_id: ids.orgA }];
      },
      'a binding in its own workshop naming V\'s principle and organisation': (rows) => {
        rows.principle_bindings = [{ workshop_id: T, principle_id: ids.principle, version: 1, organisation_id: ids.orgB }];
      },
      'a stance on V\'s milestone for V\'s organisation': (rows) => {
        rows.vision_stances = [{ workshop_id: ids.V, milestone_id: milestoneOfV, organisation_id: ids.orgA, member_id: ids.ola, stance: 'endorse', reason: null, at }];
      },
      'a stance in its own workshop naming V\'s milestone': (rows) => {
        const organisation_id = file.content.rows.organisations![0]!.id as string;
        rows.vision_stances = [{ workshop_id: T, milestone_id: milestoneOfV, organisation_id, member_id: ownMember, stance: 'endorse', reason: null, at }];
      },
      'a principle of its own workshop its charter never defined': (rows) => {
        rows.principles = [{ workshop_id: T, id: ids.principle, text: 'x', text_hash: 'a'.repeat(64), rule: 'consensus', proposed_at: at, proposed_by: ownMember, version: 1, closed: 1 }];
      },
    };
    for (const [name, attack] of Object.entries(attacks)) {
      const r = await importFile(resealed(file, attack));
      expect(r.status, `${name}: ${JSON.stringify(r.body)}`).toBe(400);
      expect(r.body.error.code, name).toBe('backup_invalid');
    }
    expect(await viewOfV()).toEqual(before);
    expect(before.audit.verification.ok).toBe(true);
  }, 120_000);

  it('finding 5: a backup carries tallies, not votes, and no unrevealed answers; open rounds and questions import closed, with warnings', async () => {
    const { raw, file } = await backupOf(ids.V, f.facilitator);
    expect(file.content.rows.votes).toBeUndefined();
    expect(raw).not.toContain('Hemmeleg svar');
    expect(file.content.rows.answers!.filter((a) => a.question_id === ids.question)).toEqual([]);
    const roundRow = (id: string) => file.content.rows.vote_rounds!.find((r) => r.id === id)!;
    expect(JSON.parse(roundRow(ids.closedRound).tally as string)).toEqual({ results: closedResults, voters: 2 });
    expect(roundRow(ids.openRound).tally).toBeNull();

    const done = await importFile(file);
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body.warnings).toHaveLength(2);
    expect(done.body.warnings.join(' ')).toMatch(/round .* imported as closed, without a result/);
    expect(done.body.warnings.join(' ')).toMatch(/Question .* not revealed/);
    expect(done.body.warnings.join(' ')).not.toContain(ids.openRound); // named by their new ids
    const st = await stateOf(done.body.token);
    expect(st.rounds.map((r) => r.status)).toEqual(['closed', 'closed']);
    const results = st.rounds.map((r) => r.results);
    expect(results).toContainEqual(closedResults);
    expect(results).toContainEqual([]);
    expect(st.questions.map((q) => [q.status, q.answered])).toEqual([['closed', 0]]);
  }, 60_000);

  it('finding 5: a file that still carries votes and unrevealed answers (older or hostile) keeps only the tally', async () => {
    const { file } = await backupOf(ids.V, f.facilitator);
    const old = resealed(file, (rows) => {
      rows.votes = [ids.ola, ids.kari, ids.kari].map((m, i) => ({ round_id: ids.closedRound, member_id: m, element_id: ids.elements[i === 2 ? 1 : 0]!, at }));
      rows.votes.push({ round_id: ids.openRound, member_id: ids.ola, element_id: ids.elements[1]!, at });
      rows.answers!.push({ question_id: ids.question, member_id: ids.ola, organisation_id: ids.orgA, value: '{"generation":2,"justification":"Hemmeleg svar frå Ola"}', at });
      for (const r of rows.vote_rounds!) delete r.tally;
    });
    const done = await importFile(old);
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body.warnings).toHaveLength(2);
    const again = await backupOf(done.body.id, done.body.token);
    expect(again.raw).not.toContain('Hemmeleg svar');
    expect(again.file.content.rows.votes).toBeUndefined();
    const st = await stateOf(done.body.token);
    expect(st.rounds.map((r) => r.results)).toContainEqual(closedResults);
    expect(st.rounds.every((r) => r.mine.length === 0 && r.status === 'closed')).toBe(true);
    expect(st.questions.map((q) => [q.status, q.answered])).toEqual([['closed', 0]]);
  }, 60_000);
});
