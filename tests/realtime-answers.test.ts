/**
 * Private answers, then reveal: no socket receives anyone else's answer before the reveal (every
 * event is recorded); the reveal writes nothing into the charter, `answer.apply` then writes
 * each organisation's latest answer into the charter document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CharterDoc } from '../shared/charter/charter-doc.js';
import { RealtimeLimits } from '../shared/limits.js';
import type { Broadcasts } from '../shared/realtime/index.js';
import { threeOrgs, type ThreeOrgs } from './helpers/governance.js';
import { startServer, type TestServer } from './helpers/server.js';
import { connectedAll, type TestSocket } from './helpers/socket.js';
import { provider, synced, until } from './helpers/sync.js';

let s: TestServer;
let f: ThreeOrgs;
let fac: TestSocket;
let a: TestSocket;
let b: TestSocket;
let c: TestSocket;
let obs: TestSocket;

beforeAll(async () => {
  s = await startServer();
  f = await threeOrgs(s.base);
  [fac, a, b, c, obs] = await connectedAll(s.base, f.facilitator, f.participantA, f.participantB, f.participantC, f.observer);
});
afterAll(async () => {
  for (const x of [fac, a, b, c, obs]) x?.close();
  await s.stop();
  s.cleanup();
});

const secret = (who: string) => `HEMMELEG-${who}`;

describe('hidden answers', () => {
  it('leaks no answer before the reveal; the reveal leaves the charter alone, applying writes them into it', async () => {
    const charterClient = provider(s.wsBase, f.charter, f.participantB);
    await synced(charterClient);
    const { questionId } = await fac.ok('question.open', { kind: 'maturity' });
    await a.next('question.opened');

    await a.ok('answer.submit', { questionId, value: { generation: 2, justification: secret('A') } });
    await a.ok('answer.submit', { questionId, value: { generation: 3, justification: secret('A2') } });
    await b.ok('answer.submit', { questionId, value: { generation: 4, justification: secret('B') } });
    expect(await c.ok('answer.submit', { questionId, value: { generation: 1, justification: secret('C') } })).toEqual({ questionId, answered: 3 });
    expect(await c.cmd('answer.submit', { questionId, value: { position: 40 } })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(await fac.cmd('answer.submit', { questionId, value: { generation: 1 } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await obs.cmd('answer.submit', { questionId, value: { generation: 1 } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await obs.next<Broadcasts['answer.submitted']>('answer.submitted', (e) => e.answered === 3);

    // Snapshots: own answer only; nobody (facilitator included) sees the others.
    const snapA = await a.ok('state.sync');
    expect(snapA.questions[0]).toMatchObject({ questionId, status: 'open', answered: 3, mine: { generation: 3, justification: secret('A2') }, answers: null });
    expect((await fac.ok('state.sync')).questions[0]).toMatchObject({ mine: null, answers: null });

    const leaks = (sock: TestSocket, own: string[]) => {
      const text = JSON.stringify(sock.received);
      return ['A', 'A2', 'B', 'C'].filter((w) => !own.includes(w) && text.includes(secret(w)));
    };
    expect(leaks(a, ['A', 'A2'])).toEqual([]);
    expect(leaks(b, ['B'])).toEqual([]);
    expect(leaks(c, ['C'])).toEqual([]);
    expect(leaks(fac, [])).toEqual([]);
    expect(leaks(obs, [])).toEqual([]);
    expect(charterClient.doc.getMap('maturity').size).toBe(0);

    const revealed = obs.next<Broadcasts['answer.revealed']>('answer.revealed');
    const r = await fac.ok('answer.reveal', { questionId });
    expect(r.answers).toHaveLength(3);
    expect((await revealed).answers.map((x) => x.organisationId).sort()).toEqual([...f.orgs].sort());
    expect(await s.app.registry.read(f.charter, (d) => d.getMap('maturity').size)).toBe(0);
    expect(await a.cmd('answer.apply', { questionId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const applied = obs.next<Broadcasts['answer.applied']>('answer.applied');
    expect((await fac.ok('answer.apply', { questionId })).applied).toHaveLength(3);
    expect((await applied).organisationIds.sort()).toEqual([...f.orgs].sort());

    const expected = [
      { organisationId: f.orgs[0], generation: 3, justification: secret('A2'), target: null, alsoOn: [] },
      { organisationId: f.orgs[1], generation: 4, justification: secret('B'), target: null, alsoOn: [] },
      { organisationId: f.orgs[2], generation: 1, justification: secret('C'), target: null, alsoOn: [] },
    ];
    const sorted = (d: Y.Doc) => new CharterDoc(d, () => 'x').maturity().sort((x, y) => (x.organisationId < y.organisationId ? -1 : 1));
    await until(() => charterClient.doc.getMap('maturity').size === 3, 5000, 'maturity in the charter');
    expect(sorted(charterClient.doc)).toEqual([...expected].sort((x, y) => (x.organisationId < y.organisationId ? -1 : 1)));
    expect(await s.app.registry.read(f.charter, sorted)).toEqual(sorted(charterClient.doc));
    charterClient.destroy();

    expect(await a.cmd('answer.submit', { questionId, value: { generation: 1 } })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await fac.cmd('answer.reveal', { questionId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await b.ok('state.sync')).questions[0]?.answers).toHaveLength(3);
  });

  it('takes paradox positions per axis and refuses answers once a question is closed', async () => {
    const { questionId } = await fac.ok('question.open', { kind: 'paradox', axis: 'domain_vs_it' });
    await a.ok('answer.submit', { questionId, value: { position: 20, note: 'Fag først' } });
    await fac.ok('question.close', { questionId });
    expect(await b.cmd('answer.submit', { questionId, value: { position: 80 } })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await fac.cmd('answer.apply', { questionId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await fac.ok('answer.reveal', { questionId });
    expect(await s.app.registry.read(f.charter, (d) => new CharterDoc(d, () => 'x').paradoxes())).toEqual([]);
    await fac.ok('answer.apply', { questionId, organisationIds: [f.orgs[0]] });
    const positions = await s.app.registry.read(f.charter, (d) => new CharterDoc(d, () => 'x').paradoxes());
    expect(positions).toEqual([{ axis: 'domain_vs_it', organisationId: f.orgs[0], position: 20, note: 'Fag først' }]);
  });

  it('asks a free-text question: answers up to 2,000 characters stay private, reveal as a list, and are never applied to the charter', async () => {
    expect(await fac.cmd('question.open', { kind: 'text' })).toMatchObject({ ok: false, error: { code: 'validation_failed', details: { field: 'prompt' } } });
    expect(await fac.cmd('question.open', { kind: 'text', prompt: '   ' })).toMatchObject({ ok: false, error: { code: 'validation_failed', details: { field: 'prompt' } } });
    expect(await fac.cmd('question.open', { kind: 'text', prompt: 'x'.repeat(RealtimeLimits.promptMax + 1) })).toMatchObject({ ok: false, error: { code: 'validation_failed', details: { field: 'prompt' } } });
    expect(await fac.cmd('question.open', { kind: 'maturity', prompt: 'Kvifor?' })).toMatchObject({ ok: false, error: { code: 'validation_failed', details: { field: 'prompt' } } });
    const opened = obs.next<Broadcasts['question.opened']>('question.opened', (e) => e.kind === 'text');
    const { questionId } = await fac.ok('question.open', { kind: 'text', prompt: '  Kva er det viktigaste for familien?  ' });
    expect(await opened).toMatchObject({ questionId, kind: 'text', axis: null, prompt: 'Kva er det viktigaste for familien?' });

    const tooLong = 'x'.repeat(RealtimeLimits.textAnswerMax + 1);
    for (const value of [tooLong, '   ', { generation: 2 }, 'ring\u0007']) {
      expect(await a.cmd('answer.submit', { questionId, value }), JSON.stringify(value).slice(0, 40)).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    }
    expect(await a.ok('answer.submit', { questionId, value: `  ${secret('tekst-A')}  ` })).toEqual({ questionId, answered: 1 });
    await b.ok('answer.submit', { questionId, value: 'y'.repeat(RealtimeLimits.textAnswerMax) });
    expect((await a.ok('state.sync')).questions.find((q) => q.questionId === questionId)).toMatchObject({ kind: 'text', prompt: 'Kva er det viktigaste for familien?', mine: secret('tekst-A'), answers: null });
    expect(JSON.stringify([b.received, c.received, obs.received, fac.received, await b.ok('state.sync')])).not.toContain(secret('tekst-A'));
    // A maturity question does not take text.
    const maturity = (await fac.ok('question.open', { kind: 'maturity' })).questionId;
    expect(await a.cmd('answer.submit', { questionId: maturity, value: 'tekst' })).toMatchObject({ ok: false, error: { code: 'validation_failed', details: { field: 'value' } } });

    const { answers } = await fac.ok('answer.reveal', { questionId });
    expect(answers.map((x) => x.value).sort()).toEqual([secret('tekst-A'), 'y'.repeat(RealtimeLimits.textAnswerMax)]);
    expect(await fac.cmd('answer.apply', { questionId })).toMatchObject({ ok: false, error: { code: 'validation_failed', details: { field: 'questionId' } } });
  });
});
