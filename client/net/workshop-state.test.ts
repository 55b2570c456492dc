import { describe, expect, it } from 'vitest';
import type { PrincipleView, TimerView, WorkshopState } from '../../shared/realtime/index.js';
import { formatClock, remainingMs, WorkshopStateStore } from './workshop-state.js';

const timer = (patch: Partial<TimerView> = {}): TimerView => ({ startedAt: null, durationMs: 0, pausedRemainingMs: null, running: false, remainingMs: 0, serverNow: 0, ...patch });
const state = (seq: number, patch: Partial<WorkshopState> = {}): WorkshopState => ({
  seq,
  serverNow: 0,
  decisionRule: 'consensus',
  protectOrganisationContent: false,
  phase: null,
  agenda: [],
  timer: timer(),
  lockedBoards: [],
  hands: [],
  questions: [],
  rounds: [],
  brainwriting: [],
  principles: [],
  charterSources: [],
  ...patch,
});

const principle = (principleId: string, patch: Partial<PrincipleView> = {}): PrincipleView => ({
  principleId, text: 't', proposedText: 't', textHash: 'h', currentHash: 'h', rule: 'consensus', proposedAt: 'p', proposedBy: 'f', closed: true, status: 'agreed',
  stances: [], participating: [], boundOrganisations: [], laterStances: [], outcome: 'agreed', closedAt: 'c', amends: null, supersededBy: null, retired: null, removed: false,
  ...patch,
});

describe('WorkshopStateStore', () => {
  it('marks the amended principle superseded when its amendment closes agreed, and takes retirements', () => {
    const s = new WorkshopStateStore();
    s.snapshot(state(1, { principles: [principle('a')] }));
    s.broadcast('principle.amended', { seq: 2, principle: principle('b', { amends: 'a', closed: false, status: 'draft', outcome: null }) });
    expect(s.current?.state.principles.map((p) => [p.principleId, p.supersededBy])).toEqual([['a', null], ['b', null]]);
    s.broadcast('principle.closed', { seq: 3, principle: principle('b', { amends: 'a' }) });
    expect(s.current?.state.principles.find((p) => p.principleId === 'a')).toMatchObject({ status: 'agreed', supersededBy: 'b' });
    s.broadcast('principle.retired', { seq: 4, principle: principle('a', { supersededBy: 'b', retired: { at: 'r', by: 'f', reason: 'Old' } }) });
    expect(s.current?.state.principles.find((p) => p.principleId === 'a')?.retired?.reason).toBe('Old');
  });

  it('applies broadcasts in order and drops those it already has', () => {
    const s = new WorkshopStateStore();
    s.snapshot(state(5, { phase: 'Intro' }));
    s.broadcast('phase.changed', { seq: 6, phase: 'Actors', agenda: ['Intro', 'Actors'] });
    s.broadcast('phase.changed', { seq: 4, phase: 'Old', agenda: [] });
    s.broadcast('phase.changed', { seq: 6, phase: 'Duplicate', agenda: [] });
    expect(s.current?.state.phase).toBe('Actors');
    expect(s.current?.state.seq).toBe(6);
  });

  it('replays broadcasts that overtook a snapshot, and drops those it covers', () => {
    const s = new WorkshopStateStore();
    s.snapshot(state(1));
    s.broadcast('hand.raised', { seq: 9, memberId: 'a', at: 't' });
    s.broadcast('hand.raised', { seq: 11, memberId: 'b', at: 't' });
    // A reconnect: the snapshot reflects seq 10 (a is in it), b came after it.
    s.snapshot(state(10, { hands: [{ memberId: 'a', at: 't' }] }));
    expect(s.current?.state.hands.map((h) => h.memberId)).toEqual(['a', 'b']);
    expect(s.current?.state.seq).toBe(11);
  });

  it('keeps, per fact, the newest broadcast even when they arrive out of order', () => {
    const s = new WorkshopStateStore();
    s.snapshot(state(0));
    s.broadcast('hand.lowered', { seq: 6, memberId: 'a' });
    s.broadcast('hand.raised', { seq: 5, memberId: 'a', at: 't' });
    // Another fact with an older seq still counts.
    s.broadcast('phase.changed', { seq: 4, phase: 'Actors', agenda: [] });
    expect(s.current?.state.hands).toEqual([]);
    expect(s.current?.state.phase).toBe('Actors');
  });

  it('never goes back to an older snapshot', () => {
    const s = new WorkshopStateStore();
    s.snapshot(state(8, { phase: 'New' }));
    s.snapshot(state(3, { phase: 'Old' }));
    expect(s.current?.state.phase).toBe('New');
  });

  it('keeps broadcasts from before the first snapshot for it', () => {
    const s = new WorkshopStateStore();
    s.broadcast('board.locked', { seq: 3, lockedBoards: ['x'] });
    expect(s.current).toBeNull();
    s.snapshot(state(2));
    expect(s.current?.state.lockedBoards).toEqual(['x']);
  });

  it('follows a brainwriting round: counts from broadcasts, my notes from acks, none kept after the reveal', () => {
    const s = new WorkshopStateStore();
    s.snapshot(state(0));
    s.broadcast('brainwriting.opened', { seq: 1, roundId: 'r', boardId: 'b', prompt: null, anonymous: true });
    s.setMyNotes({ roundId: 'r', mine: [{ noteId: 'n', text: 'mi', at: 't' }], notes: 1, writers: 1 });
    s.broadcast('brainwriting.counted', { seq: 3, roundId: 'r', notes: 3, writers: 2 });
    // An older count arriving late changes nothing.
    s.broadcast('brainwriting.counted', { seq: 2, roundId: 'r', notes: 1, writers: 1 });
    let r = s.current?.state.brainwriting[0];
    expect([r?.status, r?.notes, r?.writers, r?.mine.map((n) => n.text)]).toEqual(['open', 3, 2, ['mi']]);
    s.broadcast('brainwriting.revealed', { seq: 4, roundId: 'r', boardId: 'b', frameId: 'f', count: 3 });
    r = s.current?.state.brainwriting[0];
    expect([r?.status, r?.notes, r?.mine, r?.frameId]).toEqual(['revealed', 3, [], 'f']);
  });

  it('follows questions from open to reveal, keeping my own answer private to me', () => {
    const s = new WorkshopStateStore();
    s.snapshot(state(0));
    s.broadcast('question.opened', { seq: 1, questionId: 'q', kind: 'maturity', axis: null, prompt: null });
    s.setMine('q', { generation: 3 }, 1);
    s.broadcast('answer.submitted', { seq: 2, questionId: 'q', answered: 2 });
    let q = s.current?.state.questions[0];
    expect([q?.status, q?.answered, q?.mine, q?.answers]).toEqual(['open', 2, { generation: 3 }, null]);
    s.broadcast('question.closed', { seq: 3, questionId: 'q' });
    s.broadcast('answer.revealed', { seq: 4, questionId: 'q', answers: [{ memberId: 'm', organisationId: 'o', value: { generation: 3 } }] });
    q = s.current?.state.questions[0];
    expect([q?.status, q?.answers?.length]).toEqual(['revealed', 1]);
  });

  it('follows a vote round and my votes', () => {
    const s = new WorkshopStateStore();
    s.snapshot(state(0));
    s.broadcast('vote.opened', { seq: 1, roundId: 'r', boardId: 'b', votesPerPerson: 3, elementIds: null });
    s.setMyVotes('r', ['e1', 'e1']);
    expect(s.current?.state.rounds[0]?.mine).toEqual(['e1', 'e1']);
    s.broadcast('vote.closed', { seq: 2, roundId: 'r', boardId: 'b', results: [{ elementId: 'e1', votes: 4 }], voters: 2 });
    expect(s.current?.state.rounds[0]).toMatchObject({ status: 'closed', voters: 2, mine: ['e1', 'e1'] });
  });

  it('restarts the countdown clock when a timer arrives', () => {
    let now = 1000;
    const s = new WorkshopStateStore(() => now);
    s.snapshot(state(0));
    now = 5000;
    s.broadcast('timer.changed', { seq: 1, timer: timer({ running: true, remainingMs: 60_000, durationMs: 60_000 }) });
    expect(s.current?.timerReceivedAt).toBe(5000);
  });
});

describe('timer arithmetic', () => {
  it('counts down from the server remaining while running, stands still when paused', () => {
    const t = timer({ running: true, remainingMs: 30_000 });
    expect(remainingMs(t, 1000, 11_000)).toBe(20_000);
    expect(remainingMs(t, 1000, 99_000)).toBe(0);
    expect(remainingMs(timer({ running: false, pausedRemainingMs: 12_000, remainingMs: 12_000 }), 0, 1e9)).toBe(12_000);
  });
  it('formats as m:ss and h:mm:ss, rounding up', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(1)).toBe('0:01');
    expect(formatClock(65_000)).toBe('1:05');
    expect(formatClock(3_600_000 + 61_000)).toBe('1:01:01');
  });
});
