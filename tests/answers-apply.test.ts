/**
 * Reveal, then apply (issue #13): a reveal writes nothing into the charter; `answer.apply` writes
 * the answers and keeps what they do not replace (a justification or note an answer lacks), and
 * is audited with before and after (in the same transaction as the charter update), on SQLite and
 * PostgreSQL (skipped with a notice when PostgreSQL is absent, except in CI).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CharterDoc } from '../shared/charter/charter-doc.js';
import { call } from './helpers/api.js';
import { threeOrgs, type ThreeOrgs } from './helpers/governance.js';
import { startServer, type TestServer } from './helpers/server.js';
import { absentServices, createTestDatabase, pgUnreachable } from './helpers/services.js';
import { connectedAll, type TestSocket } from './helpers/socket.js';

const noPostgres = absentServices([['PostgreSQL', await pgUnreachable()]]);
const STORES = noPostgres ? ['SQLite'] : ['SQLite', 'PostgreSQL'];

describe.each(STORES)('reveal, then apply, on %s', (kind) => {
  let s: TestServer;
  let f: ThreeOrgs;
  let fac: TestSocket;
  let a: TestSocket;
  let b: TestSocket;
  let c: TestSocket;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const env: Record<string, string> = {};
    if (kind === 'PostgreSQL') {
      const db = await createTestDatabase();
      drop = db.drop;
      Object.assign(env, { DATABASE_URL: db.url, SESSION_SECRET: 'a'.repeat(40) });
    }
    s = await startServer(env);
    f = await threeOrgs(s.base);
    [fac, a, b, c] = await connectedAll(s.base, f.facilitator, f.participantA, f.participantB, f.participantC);
  });
  afterAll(async () => {
    for (const x of [fac, a, b, c]) x?.close();
    await s?.stop();
    s?.cleanup();
    await drop?.();
  });

  const charter = (d: Y.Doc) => new CharterDoc(d, () => 'x');
  const maturity = async () => Object.fromEntries((await s.app.registry.read(f.charter, (d) => charter(d).maturity())).map((m) => [m.organisationId, { g: m.generation, j: m.justification }]));
  const paradoxes = async () => Object.fromEntries((await s.app.registry.read(f.charter, (d) => charter(d).paradoxes())).map((p) => [p.organisationId, { p: p.position, n: p.note }]));
  const applied = async () =>
    (await call<{ entries: { type: string; data: { applied: unknown[] } }[] }>(s.base, 'GET', `/api/workshops/${f.workshop.id}/audit`, undefined, f.facilitator)).body.entries.filter((e) => e.type === 'answers.applied');

  it('maturity: answers with and without justifications lose nothing they do not replace', async () => {
    const [A, B, C] = f.orgs;
    await s.app.registry.change(f.charter, (d) => {
      charter(d).setMaturity(A, 2, 'Vi har felles brukarinnsikt med kommunane', 'server');
      charter(d).setMaturity(B, 1, 'Eigne prosessar', 'server');
    });
    const { questionId } = await fac.ok('question.open', { kind: 'maturity' });
    await a.ok('answer.submit', { questionId, value: { generation: 3 } });
    await b.ok('answer.submit', { questionId, value: { generation: 2, justification: 'Vi deler no data med Nav' } });
    await c.ok('answer.submit', { questionId, value: { generation: 4, justification: '' } });
    const original = await maturity();

    await fac.ok('answer.reveal', { questionId });
    expect(await maturity()).toEqual(original);

    const first = await fac.ok('answer.apply', { questionId, organisationIds: [A] });
    expect(first.applied).toEqual([{ organisationId: A, before: { generation: 2, justification: 'Vi har felles brukarinnsikt med kommunane' }, after: { generation: 3, justification: 'Vi har felles brukarinnsikt med kommunane' } }]);
    expect(await maturity()).toEqual({ ...original, [A]: { g: 3, j: 'Vi har felles brukarinnsikt med kommunane' } });

    await fac.ok('answer.apply', { questionId });
    expect(await maturity()).toEqual({
      [A]: { g: 3, j: 'Vi har felles brukarinnsikt med kommunane' },
      [B]: { g: 2, j: 'Vi deler no data med Nav' },
      [C]: { g: 4, j: '' },
    });
    const log = await applied();
    expect(log).toHaveLength(2);
    expect(log[1]!.data.applied).toContainEqual({ organisationId: B, before: { generation: 1, justification: 'Eigne prosessar' }, after: { generation: 2, justification: 'Vi deler no data med Nav' } });
    expect(log[1]!.data.applied).toContainEqual({ organisationId: C, before: null, after: { generation: 4, justification: '' } });
  });

  it('paradox: a position without a note keeps the note; an organisation without an answer is refused', async () => {
    const [A, B, C] = f.orgs;
    await s.app.registry.change(f.charter, (d) => charter(d).setParadox('local_vs_central', A, 30, 'Lokale behov først', 'server'));
    const { questionId } = await fac.ok('question.open', { kind: 'paradox', axis: 'local_vs_central' });
    await a.ok('answer.submit', { questionId, value: { position: 70 } });
    await b.ok('answer.submit', { questionId, value: { position: 10, note: 'Kommunen vel' } });
    await fac.ok('answer.reveal', { questionId });
    expect(await paradoxes()).toEqual({ [A]: { p: 30, n: 'Lokale behov først' } });
    expect(await fac.cmd('answer.apply', { questionId, organisationIds: [C] })).toMatchObject({ ok: false, error: { code: 'validation_failed', details: { field: 'organisationIds' } } });
    await fac.ok('answer.apply', { questionId });
    expect(await paradoxes()).toEqual({ [A]: { p: 70, n: 'Lokale behov først' }, [B]: { p: 10, n: 'Kommunen vel' } });
    // Applying again changes nothing in the charter, and is still recorded.
    const before = (await applied()).length;
    await fac.ok('answer.apply', { questionId });
    expect(await applied()).toHaveLength(before + 1);
  });
});
