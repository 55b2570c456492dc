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

export type QuestionKind = 'maturity' | 'paradox' | 'text';
export type QuestionStatus = 'open' | 'closed' | 'revealed';
export interface QuestionRecord {
  id: string;
  workshopId: string;
  kind: QuestionKind;
  axis: string | null;
  /** A text question's prompt (since 015_brainwriting); null for the others. */
  prompt: string | null;
  status: QuestionStatus;
  openedBy: string;
  openedAt: string;
}
export interface AnswerRecord {
  questionId: string;
  memberId: string;
  organisationId: string;
  /** JSON-serialisable (an object, or a text answer's string); validated by the service before it is stored. */
  value: unknown;
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

/** A brainwriting round (issue #16). `closed`: taking no more notes, on the way to `revealed`. */
export type BrainwritingStatus = 'open' | 'closed' | 'revealed';
export interface BrainwritingRoundRecord {
  id: string;
  workshopId: string;
  boardId: string;
  prompt: string | null;
  anonymous: boolean;
  status: BrainwritingStatus;
  openedBy: string;
  openedAt: string;
  /** Set by the reveal: when, into which board frame (null when there were no notes), how many notes by how many people. */
  revealed: BrainwritingReveal | null;
}
export interface BrainwritingReveal {
  at: string;
  frameId: string | null;
  notes: number;
  writers: number;
}
/** A private note: only its author sees it; the store forgets it at the reveal. */
export interface BrainwritingNoteRecord {
  id: string;
  roundId: string;
  memberId: string;
  organisationId: string | null;
  text: string;
  at: string;
}
export type BrainwritingAddResult = 'added' | 'not_open' | 'over_limit';

export interface BrainwritingRepo {
  openRound(r: BrainwritingRoundRecord): Promise<void>;
  round(workshopId: string, id: string): Promise<BrainwritingRoundRecord | null>;
  rounds(workshopId: string): Promise<BrainwritingRoundRecord[]>;
  /** Stores a note only while the round is open and its author has written fewer than `perPerson`. Atomic. */
  add(workshopId: string, note: BrainwritingNoteRecord, perPerson: number): Promise<BrainwritingAddResult>;
  /** Removes the member's own note while the round is open; false otherwise. */
  remove(workshopId: string, roundId: string, memberId: string, noteId: string): Promise<boolean>;
  /** One member's notes, oldest first. */
  notesOf(roundId: string, memberId: string): Promise<BrainwritingNoteRecord[]>;
  /** Every note of the round, oldest first (for the reveal only). */
  notes(roundId: string): Promise<BrainwritingNoteRecord[]>;
  count(roundId: string): Promise<{ notes: number; writers: number }>;
  /** open → closed (no more notes); false when not open. */
  close(workshopId: string, roundId: string): Promise<boolean>;
  /** open or closed → revealed, and forgets the round's notes (they are on the board now); false when already revealed. */
  reveal(workshopId: string, roundId: string, revealed: BrainwritingReveal): Promise<boolean>;
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
