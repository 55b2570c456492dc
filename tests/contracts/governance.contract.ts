/**
 * Store contract for the decisions the server holds (facilitation, answers, votes, brainwriting, principles).
 * Called from describeStoreContract, so every adapter runs it unchanged.
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '../../server/store/types.js';

type Seed = (store: Store) => Promise<{ w: { id: string }; orgs: { id: string }[]; boards: { id: string }[] }>;

const now = () => new Date().toISOString();
let n = 0;
const uid = (p: string) => `${p}${String(++n).padStart(15 - p.length, '0')}g`.slice(0, 16);

export function describeGovernanceContract(getStore: () => Store, seedWorkshop: Seed): void {
  describe('governance', () => {
    it('keeps facilitation state, hands out sequence numbers and locks boards', async () => {
      const store = getStore();
      const { w, boards } = await seedWorkshop(store);
      expect(await store.facilitation.get(w.id)).toEqual({ workshopId: w.id, phase: null, agenda: [], timer: { startedAt: null, durationMs: 0, pausedRemainingMs: null }, seq: 0 });
      await store.facilitation.setPhase(w.id, 'Aktørkart', ['Intro', 'Aktørkart']);
      const timer = { startedAt: 1_790_000_000_000, durationMs: 300_000, pausedRemainingMs: null };
      await store.facilitation.setTimer(w.id, timer);
      const seqs = await Promise.all(Array.from({ length: 20 }, () => store.facilitation.nextSeq(w.id)));
      expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await store.facilitation.get(w.id)).toEqual({ workshopId: w.id, phase: 'Aktørkart', agenda: ['Intro', 'Aktørkart'], timer, seq: 20 });
      expect(await store.facilitation.setBoardLocks(w.id, [boards[0]!.id, 'other0000000000b'], true, 'm', now())).toEqual([boards[0]!.id, 'other0000000000b'].sort());
      expect(await store.facilitation.setBoardLocks(w.id, ['other0000000000b'], false, 'm', now())).toEqual([boards[0]!.id]);
      const hand = await store.facilitation.raiseHand(w.id, 'member1', '2026-01-01T00:00:00.000Z');
      expect(await store.facilitation.raiseHand(w.id, 'member1', '2026-01-02T00:00:00.000Z')).toEqual(hand);
      expect(await store.facilitation.hands(w.id)).toEqual([{ memberId: 'member1', at: '2026-01-01T00:00:00.000Z' }]);
      expect(await store.facilitation.lowerHand(w.id, 'member1')).toBe(true);
      expect(await store.facilitation.lowerHand(w.id, 'member1')).toBe(false);
      await store.workshops.delete(w.id);
      expect((await store.facilitation.get(w.id)).seq).toBe(0);
      expect(await store.facilitation.lockedBoards(w.id)).toEqual([]);
    });

    it('takes answers only while a question is open', async () => {
      const store = getStore();
      const { w, orgs } = await seedWorkshop(store);
      const q = { id: uid('q'), workshopId: w.id, kind: 'maturity' as const, axis: null, prompt: null, status: 'open' as const, openedBy: 'f', openedAt: now() };
      await store.answers.openQuestion(q);
      expect(await store.answers.question(w.id, q.id)).toEqual(q);
      expect(await store.answers.question('elsewhere', q.id)).toBeNull();
      const a = { questionId: q.id, memberId: 'm1', organisationId: orgs[0]!.id, value: { generation: 2 }, at: now() };
      expect(await store.answers.submit(w.id, a)).toBe(true);
      expect(await store.answers.submit(w.id, { ...a, value: { generation: 3 } })).toBe(true);
      expect(await store.answers.submit('elsewhere', { ...a, memberId: 'm2' })).toBe(false);
      expect(await store.answers.count(q.id)).toBe(1);
      expect(await store.answers.setStatus(w.id, q.id, 'closed')).toBe(true);
      expect(await store.answers.submit(w.id, { ...a, memberId: 'm2' })).toBe(false);
      expect(await store.answers.setStatus(w.id, q.id, 'revealed')).toBe(true);
      expect(await store.answers.setStatus(w.id, q.id, 'revealed')).toBe(false);
      expect(await store.answers.answers(q.id)).toEqual([{ ...a, value: { generation: 3 } }]);
      expect((await store.answers.questions(w.id)).map((x) => x.status)).toEqual(['revealed']);
      // A text question keeps its prompt, and a text answer is a string.
      const t = { ...q, id: uid('q'), kind: 'text' as const, prompt: 'Kva manglar?', openedAt: now() };
      await store.answers.openQuestion(t);
      expect(await store.answers.question(w.id, t.id)).toEqual(t);
      expect(await store.answers.submit(w.id, { ...a, questionId: t.id, value: 'Ei felles løysing' })).toBe(true);
      expect((await store.answers.answers(t.id)).map((x) => x.value)).toEqual(['Ei felles løysing']);
    });

    it('keeps brainwriting notes per author while open, caps them, and forgets them at the reveal', async () => {
      const store = getStore();
      const { w, orgs, boards } = await seedWorkshop(store);
      const r = { id: uid('b'), workshopId: w.id, boardId: boards[0]!.id, prompt: 'Kva no?', anonymous: true, status: 'open' as const, openedBy: 'f', openedAt: now(), revealed: null };
      await store.brainwriting.openRound(r);
      expect(await store.brainwriting.round(w.id, r.id)).toEqual(r);
      expect(await store.brainwriting.round('elsewhere', r.id)).toBeNull();
      const note = (id: string, memberId: string, text: string) => ({ id, roundId: r.id, memberId, organisationId: orgs[0]!.id, text, at: now() });
      const [n1, n2, n3] = [note(uid('n'), 'm1', 'one'), note(uid('n'), 'm1', 'two'), note(uid('n'), 'm2', 'three')];
      expect(await store.brainwriting.add(w.id, n1, 2)).toBe('added');
      expect(await store.brainwriting.add(w.id, n2, 2)).toBe('added');
      expect(await store.brainwriting.add(w.id, note(uid('n'), 'm1', 'too many'), 2)).toBe('over_limit');
      expect(await store.brainwriting.add('elsewhere', n3, 2)).toBe('not_open');
      expect(await store.brainwriting.add(w.id, { ...n3, organisationId: null }, 2)).toBe('added');
      expect((await store.brainwriting.notesOf(r.id, 'm1')).map((x) => x.text)).toEqual(['one', 'two']);
      expect(await store.brainwriting.notesOf(r.id, 'm2')).toEqual([{ ...n3, organisationId: null }]);
      expect(await store.brainwriting.count(r.id)).toEqual({ notes: 3, writers: 2 });
      // Only its author removes a note, only while open.
      expect(await store.brainwriting.remove(w.id, r.id, 'm2', n1.id)).toBe(false);
      expect(await store.brainwriting.remove('elsewhere', r.id, 'm1', n1.id)).toBe(false);
      expect(await store.brainwriting.remove(w.id, r.id, 'm1', n1.id)).toBe(true);
      expect(await store.brainwriting.close(w.id, r.id)).toBe(true);
      expect(await store.brainwriting.close(w.id, r.id)).toBe(false);
      expect(await store.brainwriting.add(w.id, note(uid('n'), 'm3', 'late'), 2)).toBe('not_open');
      expect(await store.brainwriting.remove(w.id, r.id, 'm1', n2.id)).toBe(false);
      expect((await store.brainwriting.notes(r.id)).map((x) => x.text)).toEqual(['two', 'three']);
      // A backup carries no round and no note (private until revealed; revealed, they are on the board).
      expect(JSON.stringify(await store.backup.dump(w.id))).not.toContain('three');
      const revealed = { at: now(), frameId: 'frame-1', notes: 2, writers: 2 };
      expect(await store.brainwriting.reveal(w.id, r.id, revealed)).toBe(true);
      expect(await store.brainwriting.reveal(w.id, r.id, revealed)).toBe(false);
      expect(await store.brainwriting.notes(r.id)).toEqual([]);
      expect(await store.brainwriting.rounds(w.id)).toEqual([{ ...r, status: 'revealed', revealed }]);
      await store.workshops.delete(w.id);
      expect(await store.brainwriting.rounds(w.id)).toEqual([]);
    });

    it('holds a vote budget under 50 concurrent casts and tallies anonymously', async () => {
      const store = getStore();
      const { w, boards } = await seedWorkshop(store);
      const round = { id: uid('r'), workshopId: w.id, boardId: boards[0]!.id, votesPerPerson: 3, elementIds: ['e1', 'e2'], status: 'open' as const, openedBy: 'f', openedAt: now(), closedAt: null };
      await store.votes.openRound(round);
      expect(await store.votes.round(w.id, round.id)).toEqual(round);
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => store.votes.cast(w.id, round.id, 'm1', i % 2 ? 'e1' : 'e2', now())));
      expect(results.filter((r) => r === 'cast')).toHaveLength(3);
      expect(results.filter((r) => r === 'over_budget')).toHaveLength(47);
      expect(await store.votes.votesOf(round.id, 'm1')).toHaveLength(3);
      expect(await store.votes.cast(w.id, round.id, 'm2', 'e1', now())).toBe('cast');
      expect(await store.votes.retract(w.id, round.id, 'm2', 'e2')).toBe(false);
      expect(await store.votes.retract(w.id, round.id, 'm2', 'e1')).toBe(true);
      expect(await store.votes.cast(w.id, round.id, 'm2', 'e1', now())).toBe('cast');
      expect(await store.votes.close(w.id, round.id, now())).toBe(true);
      expect(await store.votes.close(w.id, round.id, now())).toBe(false);
      expect(await store.votes.cast(w.id, round.id, 'm3', 'e1', now())).toBe('closed');
      expect(await store.votes.retract(w.id, round.id, 'm2', 'e1')).toBe(false);
      const { results: tally, voters } = await store.votes.results(round.id);
      expect(voters).toBe(2);
      expect(tally.reduce((s, r) => s + r.votes, 0)).toBe(4);
      expect(tally[0]!.votes).toBeGreaterThanOrEqual(tally.at(-1)!.votes);
      expect((await store.votes.rounds(w.id))[0]?.status).toBe('closed');
    });

    it('a backup dump carries no votes and no unrevealed answers; a stored tally is the result', async () => {
      const store = getStore();
      const { w, orgs, boards } = await seedWorkshop(store);
      const round = { id: uid('t'), workshopId: w.id, boardId: boards[0]!.id, votesPerPerson: 2, elementIds: null, status: 'open' as const, openedBy: 'f', openedAt: now(), closedAt: null };
      await store.votes.openRound(round);
      expect(await store.votes.cast(w.id, round.id, 'voter-secret-1', 'e1', now())).toBe('cast');
      const hidden = { id: uid('q'), workshopId: w.id, kind: 'maturity' as const, axis: null, prompt: null, status: 'open' as const, openedBy: 'f', openedAt: now() };
      const shown = { ...hidden, id: uid('q') };
      for (const q of [hidden, shown]) {
        await store.answers.openQuestion(q);
        expect(await store.answers.submit(w.id, { questionId: q.id, memberId: 'answerer-1', organisationId: orgs[0]!.id, value: { generation: 2, justification: `secret ${q.id}` }, at: now() })).toBe(true);
      }
      expect(await store.answers.setStatus(w.id, shown.id, 'revealed')).toBe(true);
      const rows = await store.backup.dump(w.id);
      expect(rows.votes).toBeUndefined();
      expect(JSON.stringify(rows)).not.toContain('voter-secret-1');
      expect(rows.answers!.map((a) => a.question_id)).toEqual([shown.id]);
      expect(JSON.stringify(rows)).not.toContain(`secret ${hidden.id}`);
      // An imported round: its tally is stored in place of votes and read back as the result.
      const imported = { ...round, id: uid('t'), status: 'closed' as const, closedAt: now() };
      await store.votes.openRound(imported);
      const tally = { results: [{ elementId: 'e9', votes: 3 }], voters: 2 };
      const restored = (await store.backup.dump(w.id)).vote_rounds!.find((r) => r.id === imported.id)!;
      expect(restored.tally).toBeNull();
      await store.workshops.delete(w.id);
      const again = await store.backup.dump(w.id);
      expect(again.vote_rounds).toEqual([]);
      await store.backup.restore({ ...rows, vote_rounds: [...rows.vote_rounds!, { ...restored, tally: JSON.stringify(tally) }] });
      expect(await store.votes.results(imported.id)).toEqual(tally);
    });

    it('proposes principles in versions and keeps every stance', async () => {
      const store = getStore();
      const { w, orgs } = await seedWorkshop(store);
      const base = { id: 'draft-1', workshopId: w.id, text: 'Felles plattformer først', textHash: 'a'.repeat(64), rule: 'consensus' as const, proposedAt: now(), proposedBy: 'f' };
      const p1 = await store.principles.propose(base, [orgs[0]!.id]);
      expect(p1).toEqual({ ...base, version: 1, closed: false, outcome: null, closedAt: null });
      const stance = { principleId: base.id, workshopId: w.id, version: 1, organisationId: orgs[0]!.id, memberId: 'm1', stance: 'object' as const, reason: 'Uklart', at: now() };
      expect(await store.principles.addStance(stance)).toBe(true);
      expect(await store.principles.addStance({ ...stance, stance: 'endorse', reason: null })).toBe(true);
      expect(await store.principles.addStance({ ...stance, version: 2 })).toBe(false);
      const p2 = await store.principles.propose({ ...base, text: 'Endra', textHash: 'b'.repeat(64), rule: 'majority' }, [orgs[0]!.id, orgs[1]!.id]);
      expect(p2).toMatchObject({ version: 2, text: 'Endra', rule: 'majority', closed: false });
      expect(await store.principles.close(w.id, base.id, 'rejected', '2026-12-03T10:00:00.000Z')).toBe(true);
      expect(await store.principles.close(w.id, base.id, 'agreed', '2026-12-03T11:00:00.000Z')).toBe(false);
      expect(await store.principles.addStance({ ...stance, version: 2 })).toBe(false);
      expect((await store.principles.stances(w.id)).map((s) => [s.version, s.stance])).toEqual([[1, 'object'], [1, 'endorse']]);
      expect(await store.principles.get(w.id, base.id)).toMatchObject({ version: 2, closed: true, outcome: 'rejected', closedAt: '2026-12-03T10:00:00.000Z' });
      expect(await store.principles.list(w.id)).toHaveLength(1);
      expect(await store.principles.get('elsewhere', base.id)).toBeNull();
      expect(await store.workshops.update(w.id, { decisionRule: 'consent' })).toBe(true);
      expect((await store.workshops.get(w.id))?.decisionRule).toBe('consent');
      await store.workshops.delete(w.id);
      expect(await store.principles.stances(w.id)).toEqual([]);
      expect(await store.principles.bindings(w.id)).toEqual([]);
    });

    it('binds each version to its organisations; once closed, only others may still join', async () => {
      const store = getStore();
      const { w, orgs } = await seedWorkshop(store);
      const [a, b] = [orgs[0]!.id, orgs[1]!.id].sort() as [string, string];
      const later = 'olater000000001x';
      const base = { id: 'draft-2', workshopId: w.id, text: 'Vi deler data', textHash: 'c'.repeat(64), rule: 'consensus' as const, proposedAt: now(), proposedBy: 'f' };
      await store.principles.propose(base, [a]);
      await store.principles.propose(base, [a, b]);
      await store.principles.propose({ ...base, id: 'draft-3' }, []);
      expect(await store.principles.bindings(w.id)).toEqual([
        { principleId: 'draft-2', version: 1, organisationId: a },
        { principleId: 'draft-2', version: 2, organisationId: a },
        { principleId: 'draft-2', version: 2, organisationId: b },
      ]);
      const stance = { principleId: base.id, workshopId: w.id, version: 2, organisationId: a, memberId: 'm1', stance: 'endorse' as const, reason: null, at: now() };
      expect(await store.principles.addStance(stance)).toBe(true);
      expect(await store.principles.close(w.id, base.id, 'rejected', now())).toBe(true);
      // Bound organisations are frozen; an organisation outside the set joins after the fact.
      expect(await store.principles.addStance({ ...stance, organisationId: b })).toBe(false);
      expect(await store.principles.addStance({ ...stance, organisationId: later })).toBe(true);
      expect(await store.principles.addStance({ ...stance, organisationId: later, version: 1 })).toBe(false);
      expect((await store.principles.stances(w.id)).map((s) => s.organisationId)).toEqual([a, later]);
      // Proposing again opens a new version with no recorded outcome.
      expect(await store.principles.propose(base, [b])).toMatchObject({ version: 3, closed: false, outcome: null, closedAt: null });
    });

    it('records amendment links and retirements once, and forgets them with the workshop', async () => {
      const store = getStore();
      const { w } = await seedWorkshop(store);
      await store.principles.markAmendment(w.id, 'amendment-1', 'adopted-1');
      expect(await store.principles.retire(w.id, 'adopted-1', 'fac', '2026-02-01T00:00:00.000Z', 'Erstatta')).toBe(true);
      expect(await store.principles.retire(w.id, 'adopted-1', 'fac', '2026-02-02T00:00:00.000Z', 'Igjen')).toBe(false);
      expect(await store.principles.retire(w.id, 'amendment-1', 'fac', '2026-02-03T00:00:00.000Z', 'Trekt')).toBe(true);
      expect(await store.principles.lifecycle(w.id)).toEqual([
        { principleId: 'adopted-1', amends: null, retiredAt: '2026-02-01T00:00:00.000Z', retiredBy: 'fac', retireReason: 'Erstatta' },
        { principleId: 'amendment-1', amends: 'adopted-1', retiredAt: '2026-02-03T00:00:00.000Z', retiredBy: 'fac', retireReason: 'Trekt' },
      ]);
      expect(await store.principles.lifecycle('elsewhere000000g')).toEqual([]);
      await store.workshops.delete(w.id);
      expect(await store.principles.lifecycle(w.id)).toEqual([]);
    });

    it('writes a change and its audit entry together or not at all', async () => {
      const store = getStore();
      const { w } = await seedWorkshop(store);
      await expect(
        store.transaction(async (tx) => {
          await tx.facilitation.setPhase(w.id, 'Prinsipp', []);
          await tx.audit.append({ workshopId: w.id, at: now(), actorId: 'f', type: 'phase.set', data: {} });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect((await store.facilitation.get(w.id)).phase).toBeNull();
      expect(await store.audit.list(w.id)).toEqual([]);
    });
  });
}
