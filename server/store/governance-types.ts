/**
 * Records and repos of the decisions the server holds (DESIGN.md §3): facilitation state, hidden
 * answers, vote rounds, principles and stances. Part of the one Store contract (./types.ts).
 */
import type { ClosedOutcome, DecisionRule, Stance } from '../../shared/decisions.js';
export type { ClosedOutcome } from '../../shared/decisions.js';

/** Server-time based: remaining = pausedRemainingMs ?? durationMs − (now − startedAt). */
export interface TimerRecord {
  /** ms since epoch; null when not running. */
  startedAt: number | null;
  durationMs: number;
  pausedRemainingMs: number | null;
}
export interface FacilitationRecord {
  workshopId: string;
  phase: string | null;
  agenda: string[];
  timer: TimerRecord;
  /** The workshop's event sequence number: the last one handed out. */
  seq: number;
}
export interface HandRecord {
  memberId: string;
  at: string;
}

export interface FacilitationRepo {
  /** The workshop's state; defaults (no phase, idle timer, seq 0) before anything was set. */
  get(workshopId: string): Promise<FacilitationRecord>;
  setPhase(workshopId: string, phase: string, agenda: string[]): Promise<void>;
  setTimer(workshopId: string, timer: TimerRecord): Promise<void>;
  /** Hands out the next event sequence number of the workshop. Atomic. */
  nextSeq(workshopId: string): Promise<number>;
  /** Locks or unlocks boards; returns the boards locked afterwards. */
  setBoardLocks(workshopId: string, boardIds: string[], locked: boolean, by: string, at: string): Promise<string[]>;
  lockedBoards(workshopId: string): Promise<string[]>;
  raiseHand(workshopId: string, memberId: string, at: string): Promise<HandRecord>;
  /** False when the hand was not raised. */
  lowerHand(workshopId: string, memberId: string): Promise<boolean>;
  hands(workshopId: string): Promise<HandRecord[]>;
}

export type QuestionKind = 'maturity' | 'paradox';
export type QuestionStatus = 'open' | 'closed' | 'revealed';
export interface QuestionRecord {
  id: string;
  workshopId: string;
  kind: QuestionKind;
  axis: string | null;
  status: QuestionStatus;
  openedBy: string;
  openedAt: string;
}
export interface AnswerRecord {
  questionId: string;
  memberId: string;
  organisationId: string;
  /** JSON-serialisable; validated by the service before it is stored. */
  value: Record<string, unknown>;
  at: string;
}

export interface AnswerRepo {
  openQuestion(q: QuestionRecord): Promise<void>;
  question(workshopId: string, id: string): Promise<QuestionRecord | null>;
  questions(workshopId: string): Promise<QuestionRecord[]>;
  /** Moves a question on (open → closed → revealed, or open → revealed); false when it may not. */
  setStatus(workshopId: string, id: string, status: Exclude<QuestionStatus, 'open'>): Promise<boolean>;
  /** Stores (or replaces) a member's answer only while the question is open; false otherwise. Atomic. */
  submit(workshopId: string, a: AnswerRecord): Promise<boolean>;
  answers(questionId: string): Promise<AnswerRecord[]>;
  count(questionId: string): Promise<number>;
}

export interface VoteRoundRecord {
  id: string;
  workshopId: string;
  boardId: string;
  votesPerPerson: number;
  elementIds: string[] | null;
  status: 'open' | 'closed';
  openedBy: string;
  openedAt: string;
  closedAt: string | null;
}
export type CastResult = 'cast' | 'over_budget' | 'closed';

export interface VoteRepo {
  openRound(r: VoteRoundRecord): Promise<void>;
  round(workshopId: string, id: string): Promise<VoteRoundRecord | null>;
  rounds(workshopId: string): Promise<VoteRoundRecord[]>;
  /** Adds one vote only while the round is open and the member has budget left. Atomic under concurrency. */
  cast(workshopId: string, roundId: string, memberId: string, elementId: string, at: string): Promise<CastResult>;
  /** Removes one of the member's votes on the element while the round is open; false when none. */
  retract(workshopId: string, roundId: string, memberId: string, elementId: string): Promise<boolean>;
  /** The member's votes (one element id per vote). */
  votesOf(roundId: string, memberId: string): Promise<string[]>;
  /** False when not open. */
  close(workshopId: string, roundId: string, at: string): Promise<boolean>;
  /** Votes per element (most first), and how many people voted. */
  results(roundId: string): Promise<{ results: { elementId: string; votes: number }[]; voters: number }>;
}

export interface PrincipleRecord {
  /** The draft's id in the charter document. */
  id: string;
  workshopId: string;
  text: string;
  /** SHA-256 (hex) of `text`. */
  textHash: string;
  rule: DecisionRule;
  proposedAt: string;
  proposedBy: string;
  /** Counts proposals of this draft; stances bind to one. */
  version: number;
  closed: boolean;
  /** Frozen when closed; null while open (and for a closed principle from before 008 without an audit entry). */
  outcome: ClosedOutcome | null;
  closedAt: string | null;
}
/** An organisation a proposal (one version) asks, fixed when it is proposed. */
export interface BindingRecord {
  principleId: string;
  version: number;
  organisationId: string;
}
/** What happened to a principle beyond its proposals (009_principle_lifecycle): amendment link, retirement. */
export interface LifecycleRecord {
  principleId: string;
  /** The adopted principle this draft amends; null for a principle that amends nothing. */
  amends: string | null;
  retiredAt: string | null;
  retiredBy: string | null;
  retireReason: string | null;
}
export interface StanceRecord {
  principleId: string;
  workshopId: string;
  version: number;
  organisationId: string;
  memberId: string;
  stance: Stance;
  reason: string | null;
  at: string;
}

export interface PrincipleRepo {
  /**
   * Proposes, or proposes again (new text, hash and rule; version + 1; open again), binding the
   * new version to `bound` (the organisations whose stance counts). Returns the record.
   */
  propose(p: Omit<PrincipleRecord, 'version' | 'closed' | 'outcome' | 'closedAt'>, bound: readonly string[]): Promise<PrincipleRecord>;
  get(workshopId: string, id: string): Promise<PrincipleRecord | null>;
  list(workshopId: string): Promise<PrincipleRecord[]>;
  /**
   * Appends a stance (history is kept) on that version while it is open, or, once closed, for an
   * organisation outside its bound set (joining after the fact); false otherwise.
   */
  addStance(s: StanceRecord): Promise<boolean>;
  /** Every binding of the workshop's principles (every version). */
  bindings(workshopId: string): Promise<BindingRecord[]>;
  /** Every stance row of the workshop, oldest first. */
  stances(workshopId: string): Promise<StanceRecord[]>;
  /** Closes with its outcome frozen; false when already closed or not proposed. */
  close(workshopId: string, id: string, outcome: ClosedOutcome, at: string): Promise<boolean>;
  /** Records that the draft `id` amends the principle `amends`. */
  markAmendment(workshopId: string, id: string, amends: string): Promise<void>;
  /** Retires a principle (proposed or not); false when it was already retired. */
  retire(workshopId: string, id: string, by: string, at: string, reason: string): Promise<boolean>;
  /** Every lifecycle row of the workshop. */
  lifecycle(workshopId: string): Promise<LifecycleRecord[]>;
}
