/**
 * The client's copy of the server-held workshop state (phase, timer, hands, locks, questions,
 * vote rounds, brainwriting rounds, principles). Pure: no socket, no DOM, so the ordering rules are unit-tested.
 *
 * Invariants (docs/api.md, "Broadcasts"): a snapshot (`state.synced`, `state.sync`) carries the
 * `seq` it reflects; a broadcast not above it is dropped, and per fact (the phase, the timer, a
 * hand, a question, a round, a principle) only a broadcast with a higher `seq` than the last one
 * applied to that fact counts. Broadcasts are kept until a snapshot covers them and replayed on
 * top of a newer snapshot, so neither a reconnect nor broadcasts overtaking each other (several
 * instances) ever go back in time. Private facts that only acks carry (my answer, my votes) are
 * set directly.
 */
import { supersedes } from '../../shared/decision-rule.js';
import type { AnswerValue, BrainwritingMine, BrainwritingRoundView, Broadcasts, BroadcastName, QuestionView, TimerView, VoteRoundView, WorkshopState } from '../../shared/realtime/index.js';

export interface LiveState {
  state: WorkshopState;
  /** Local clock (ms) when `state.timer` arrived: the countdown runs from there. */
  timerReceivedAt: number;
}

type Held = { [K in BroadcastName]: { name: K; event: Broadcasts[K] } }[BroadcastName];

/** Broadcasts kept for replay on a later snapshot; more than this many unseen is a resync anyway. */
const LOG_MAX = 500;

export class WorkshopStateStore {
  private live: LiveState | null = null;
  private snapshotSeq = -1;
  private readonly factSeq = new Map<string, number>();
  private log: Held[] = [];
  private readonly listeners = new Set<(s: LiveState | null) => void>();

  constructor(private readonly now: () => number = Date.now) {}

  get current(): LiveState | null {
    return this.live;
  }

  subscribe(fn: (s: LiveState | null) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  snapshot(state: WorkshopState): void {
    if (this.live && state.seq < this.snapshotSeq) return;
    this.live = { state, timerReceivedAt: this.now() };
    this.snapshotSeq = state.seq;
    this.factSeq.clear();
    this.log = this.log.filter((h) => h.event.seq > state.seq).sort((a, b) => a.event.seq - b.event.seq);
    for (const h of this.log) this.apply(h);
    this.emit();
  }

  broadcast<K extends BroadcastName>(name: K, event: Broadcasts[K]): void {
    const h = { name, event } as Held;
    if (event.seq <= this.snapshotSeq) return;
    this.log.push(h);
    if (this.log.length > LOG_MAX) this.log.shift();
    if (this.apply(h)) this.emit();
  }

  /** My own answer (only the ack tells me; broadcasts carry counts). */
  setMine(questionId: string, value: AnswerValue, answered: number): void {
    this.patch((s) => ({ ...s, questions: s.questions.map((q) => (q.questionId === questionId ? { ...q, mine: value, answered: Math.max(q.answered, answered) } : q)) }));
  }

  /** My own brainwriting notes in a round (only the ack tells me; broadcasts carry counts). */
  setMyNotes(m: BrainwritingMine): void {
    this.patch((s) => ({ ...s, brainwriting: s.brainwriting.map((r) => (r.roundId === m.roundId ? { ...r, mine: m.mine } : r)) }));
  }

  /** My own votes in a round (only the ack tells me). */
  setMyVotes(roundId: string, mine: string[]): void {
    this.patch((s) => ({ ...s, rounds: s.rounds.map((r) => (r.roundId === roundId ? { ...r, mine } : r)) }));
  }

  private patch(fn: (s: WorkshopState) => WorkshopState): void {
    if (!this.live) return;
    this.live = { ...this.live, state: fn(this.live.state) };
    this.emit();
  }

  /** Applies a broadcast unless its fact already has a newer one; true when the state changed. */
  private apply(h: Held): boolean {
    const live = this.live;
    if (!live) return false;
    const key = factOf(h);
    if (h.event.seq <= (this.factSeq.get(key) ?? this.snapshotSeq)) return false;
    this.factSeq.set(key, h.event.seq);
    const state = { ...reduce(live.state, h), seq: Math.max(live.state.seq, h.event.seq) };
    this.live = { state, timerReceivedAt: h.name === 'timer.changed' ? this.now() : live.timerReceivedAt };
    return true;
  }

  private emit(): void {
    for (const fn of this.listeners) fn(this.live);
  }
}

/** The fact a broadcast is about: broadcasts about one fact replace each other in `seq` order. */
function factOf(h: Held): string {
  switch (h.name) {
    case 'phase.changed':
    case 'timer.changed':
    case 'board.locked':
    case 'settings.changed':
      return h.name;
    case 'hand.raised':
    case 'hand.lowered':
      return `hand:${h.event.memberId}`;
    case 'question.opened':
    case 'question.closed':
    case 'answer.submitted':
    case 'answer.revealed':
      return `question:${h.event.questionId}`;
    case 'vote.opened':
    case 'vote.closed':
      return `round:${h.event.roundId}`;
    case 'brainwriting.opened':
    case 'brainwriting.counted':
    case 'brainwriting.revealed':
      return `brainwriting:${h.event.roundId}`;
    case 'principle.proposed':
    case 'principle.endorsed':
    case 'principle.closed':
    case 'principle.amended':
    case 'principle.retired':
    case 'principle.anchored':
      return `principle:${h.event.principle.principleId}`;
    case 'member.changed':
      return `member:${h.event.member.id}`;
    case 'vision.endorsed':
      return `milestone:${h.event.milestoneId}`;
    case 'answer.applied':
    case 'view.summoned':
    case 'content.removed':
    case 'boards.changed':
    case 'charter.imported':
      return `event:${h.event.seq}`;
  }
}

const upsert = <T>(list: T[], item: T, same: (a: T) => boolean) => (list.some(same) ? list.map((x) => (same(x) ? item : x)) : [...list, item]);

function reduce(s: WorkshopState, h: Held): WorkshopState {
  switch (h.name) {
    case 'phase.changed':
      return { ...s, phase: h.event.phase, agenda: h.event.agenda };
    case 'timer.changed':
      return { ...s, timer: h.event.timer, serverNow: h.event.timer.serverNow };
    case 'view.summoned':
      return s;
    case 'hand.raised':
      return { ...s, hands: upsert(s.hands, { memberId: h.event.memberId, at: h.event.at }, (x) => x.memberId === h.event.memberId) };
    case 'hand.lowered':
      return { ...s, hands: s.hands.filter((x) => x.memberId !== h.event.memberId) };
    case 'board.locked':
      return { ...s, lockedBoards: h.event.lockedBoards };
    case 'question.opened': {
      const e = h.event;
      const q: QuestionView = { questionId: e.questionId, kind: e.kind, axis: e.axis, prompt: e.prompt, status: 'open', answered: 0, mine: null, answers: null };
      return { ...s, questions: upsert(s.questions, q, (x) => x.questionId === e.questionId) };
    }
    case 'question.closed':
      return { ...s, questions: s.questions.map((q) => (q.questionId === h.event.questionId && q.status === 'open' ? { ...q, status: 'closed' } : q)) };
    case 'answer.submitted':
      return { ...s, questions: s.questions.map((q) => (q.questionId === h.event.questionId ? { ...q, answered: h.event.answered } : q)) };
    case 'answer.revealed':
      return { ...s, questions: s.questions.map((q) => (q.questionId === h.event.questionId ? { ...q, status: 'revealed', answers: h.event.answers, answered: h.event.answers.length } : q)) };
    case 'vote.opened': {
      const e = h.event;
      const r: VoteRoundView = { roundId: e.roundId, boardId: e.boardId, votesPerPerson: e.votesPerPerson, elementIds: e.elementIds, status: 'open', mine: [], results: null, voters: null };
      return { ...s, rounds: upsert(s.rounds, r, (x) => x.roundId === e.roundId) };
    }
    case 'vote.closed':
      return { ...s, rounds: s.rounds.map((r) => (r.roundId === h.event.roundId ? { ...r, status: 'closed', results: h.event.results, voters: h.event.voters } : r)) };
    case 'brainwriting.opened': {
      const e = h.event;
      const r: BrainwritingRoundView = { roundId: e.roundId, boardId: e.boardId, prompt: e.prompt, anonymous: e.anonymous, status: 'open', notes: 0, writers: 0, mine: [], frameId: null };
      return { ...s, brainwriting: upsert(s.brainwriting, r, (x) => x.roundId === e.roundId) };
    }
    case 'brainwriting.counted':
      return { ...s, brainwriting: s.brainwriting.map((r) => (r.roundId === h.event.roundId ? { ...r, notes: h.event.notes, writers: h.event.writers } : r)) };
    case 'brainwriting.revealed':
      return { ...s, brainwriting: s.brainwriting.map((r) => (r.roundId === h.event.roundId ? { ...r, status: 'revealed', notes: h.event.count, mine: [], frameId: h.event.frameId } : r)) };
    case 'principle.proposed':
    case 'principle.endorsed':
    case 'principle.closed':
    case 'principle.amended':
    case 'principle.retired':
    case 'principle.anchored': {
      const p = h.event.principle;
      const list = upsert(s.principles, p, (x) => x.principleId === p.principleId);
      // The server says the same on the next sync; until then the rule is applied here.
      const superseded = supersedes(p);
      return { ...s, principles: superseded ? list.map((x) => (x.principleId === superseded ? { ...x, supersededBy: p.principleId } : x)) : list };
    }
    case 'settings.changed':
      return { ...s, decisionRule: h.event.decisionRule, protectOrganisationContent: h.event.protectOrganisationContent };
    case 'charter.imported': {
      const { boardId, elementId, collection, entryId } = h.event;
      return { ...s, charterSources: [...s.charterSources.filter((x) => x.entryId !== entryId), { boardId, elementId, collection, entryId }] };
    }
    case 'content.removed':
      // A facilitator removed an entry from the charter: the note it came from is no longer there.
      return h.event.room === 'charter' ? { ...s, charterSources: s.charterSources.filter((x) => x.entryId !== h.event.id) } : s;
    case 'answer.applied':
    case 'member.changed':
    case 'boards.changed':
    case 'vision.endorsed':
      // The change itself (or, for members and boards, the workshop page fetches again; the journey keeps milestones' stances) arrives elsewhere; only the seq moves on.
      return s;
  }
}

/** Remaining time (ms) of the timer now, counted from when it arrived on this client. */
export function remainingMs(timer: TimerView, receivedAt: number, now: number): number {
  if (!timer.running) return Math.max(0, timer.pausedRemainingMs ?? timer.remainingMs);
  return Math.max(0, timer.remainingMs - Math.max(0, now - receivedAt));
}

/** `m:ss`, or `h:mm:ss` from an hour up; rounds up, so 0:00 only shows at the end. */
export function formatClock(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
