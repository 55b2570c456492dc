/**
 * What the server sends over socket.io: command results (ack data), broadcasts (`noun.pastTense`)
 * and the typed event maps for `socket.io` and `socket.io-client`.
 *
 * Every broadcast carries `seq`, a per-workshop sequence number taken when the change was
 * stored. `state.sync` answers with a snapshot carrying the `seq` it reflects; a client drops
 * any broadcast with `seq` ≤ its snapshot's, so reconnects never go back in time.
 */
import type { ErrorCode } from '../errors.js';
import type { ClosedOutcome, DecisionRule, PrincipleStatus, Stance } from '../decision-rule.js';
import type { BoardDto, MemberDto, Role } from '../api.js';
import type { AnswerValue, CommandName, CommandPayload } from './commands.js';
import type { ParadoxAxis } from '../charter/schema.js';
import type { MilestoneStanceDto } from '../vision/api.js';

export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string; details?: Record<string, unknown> } };

/** Server time based: remaining = paused ? pausedRemainingMs : durationMs − (serverNow − startedAt). */
export interface TimerView {
  /** ms since epoch (server clock) when the current run started; null when not running. */
  startedAt: number | null;
  durationMs: number;
  /** Set while paused. */
  pausedRemainingMs: number | null;
  running: boolean;
  /** Remaining at `serverNow`; clients count down from it with their own clock. */
  remainingMs: number;
  serverNow: number;
}

export type QuestionKindName = 'maturity' | 'paradox' | 'text';

export interface QuestionView {
  questionId: string;
  kind: QuestionKindName;
  axis: ParadoxAxis | null;
  /** What a text question asks; null for maturity and paradox questions. */
  prompt: string | null;
  status: 'open' | 'closed' | 'revealed';
  /** How many have answered (never who, or what, before the reveal). */
  answered: number;
  /** The caller's own answer, if any. */
  mine: AnswerValue | null;
  /** Every answer, only once revealed. */
  answers: RevealedAnswer[] | null;
}
export interface RevealedAnswer {
  memberId: string;
  organisationId: string;
  value: AnswerValue;
}

/** One organisation's answer written into the charter: what the charter said before and after. */
export interface AppliedAnswer {
  organisationId: string;
  before: { generation: number; justification: string } | { position: number; note: string } | null;
  after: { generation: number; justification: string } | { position: number; note: string };
}

export interface VoteRoundView {
  roundId: string;
  boardId: string;
  votesPerPerson: number;
  elementIds: string[] | null;
  status: 'open' | 'closed';
  /** The caller's own votes (element ids, one entry per dot). */
  mine: string[];
  /** Anonymous results, only once closed. */
  results: VoteResult[] | null;
  voters: number | null;
}
export interface VoteResult {
  elementId: string;
  votes: number;
}

export interface StanceView {
  organisationId: string;
  stance: Stance;
  memberId: string;
  at: string;
  reason: string | null;
  /** The organisation's line or leadership confirmed this very stance (issue #14); null until then. */
  anchor: AnchorView | null;
  /** How the member who took it represents the organisation now; null when they no longer do. */
  representative: RepresentativeView | null;
}
export interface AnchorView {
  /** Who in the organisation confirmed it, and their role (e.g. "avdelingsdirektør"). */
  confirmedBy: string;
  role: string;
  /** The date of the confirmation, YYYY-MM-DD. */
  date: string;
  /** The decision document (a reference or URL), if given. */
  reference: string | null;
  /** The representative who recorded it, and when. */
  by: string;
  at: string;
}
export interface RepresentativeView {
  /** Who created the invite the member joined with (null: the workshop's creator, or unknown). */
  invitedBy: string | null;
  /** Who named them representative (null: the organisation's first member, or passed on). */
  namedBy: string | null;
  /** Who in the organisation confirmed it, when a facilitator named them. */
  confirmation: string | null;
}
export interface PrincipleView {
  principleId: string;
  /** The draft's current text; the proposed text when the draft is gone. */
  text: string;
  proposedText: string | null;
  /** SHA-256 (hex) of the proposed text. */
  textHash: string | null;
  currentHash: string;
  rule: DecisionRule | null;
  proposedAt: string | null;
  proposedBy: string | null;
  closed: boolean;
  /**
   * While proposed, computed from the bound organisations' stances; once closed, the outcome
   * recorded when it closed (`agreed` or `rejected`), whatever happens later.
   */
  status: PrincipleStatus;
  /** Latest stance of each bound organisation on the proposed version. */
  stances: StanceView[];
  /** The bound organisations for a proposal; for a draft, those that would be bound if it were proposed now. */
  participating: string[];
  /** The organisations whose stance counts, fixed when proposed (workshop order); empty for a draft. */
  boundOrganisations: string[];
  /** Latest stance of each organisation outside the bound set: joining after the fact (never changes the outcome). */
  laterStances: StanceView[];
  /** The outcome recorded when it closed; null while open or a draft. */
  outcome: ClosedOutcome | null;
  closedAt: string | null;
  /** For an amendment: the adopted principle it would replace (recorded by the server). */
  amends: string | null;
  /** The agreed and closed amendment that replaced this principle (its status and stances stay). */
  supersededBy: string | null;
  /** Set once a facilitator has taken it out. */
  retired: RetiredView | null;
  /** Its draft is no longer in the charter (deleted): only the record of its proposal is left. */
  removed: boolean;
}
export interface RetiredView {
  at: string;
  by: string;
  reason: string;
}

/**
 * A brainwriting round as one member sees it (issue #16): before the reveal, counts and the
 * member's own notes only; after it, the notes are on the board (inside `frameId`) and the
 * server keeps none of them.
 */
export interface BrainwritingRoundView {
  roundId: string;
  boardId: string;
  prompt: string | null;
  anonymous: boolean;
  /** `closed`: no more notes (a reveal under way, or one that failed and may be retried). */
  status: 'open' | 'closed' | 'revealed';
  /** How many notes have been written, and by how many people (never who, or what). */
  notes: number;
  writers: number;
  /** The caller's own notes, oldest first; empty once revealed. */
  mine: BrainwritingNote[];
  /** The frame on the board holding the revealed notes; null before, or when there were none. */
  frameId: string | null;
}
export interface BrainwritingNote {
  noteId: string;
  text: string;
  at: string;
}
export interface BrainwritingMine {
  roundId: string;
  mine: BrainwritingNote[];
  notes: number;
  writers: number;
}

/** Every organisation's stance on one milestone of the vision (issue #17). */
export interface MilestoneStances {
  milestoneId: string;
  stances: MilestoneStanceDto[];
}

export interface HandView {
  memberId: string;
  at: string;
}

export interface WorkshopState {
  seq: number;
  serverNow: number;
  decisionRule: DecisionRule;
  /** Board elements that name an organisation: changed only by it and the facilitators (issue #13). */
  protectOrganisationContent: boolean;
  phase: string | null;
  agenda: string[];
  timer: TimerView;
  lockedBoards: string[];
  hands: HandView[];
  questions: QuestionView[];
  rounds: VoteRoundView[];
  brainwriting: BrainwritingRoundView[];
  principles: PrincipleView[];
  /** Board notes that are in the charter (`charter.import`), as the charter says now. */
  charterSources: CharterImported[];
}

/** Ack data per command. */
export interface CommandResults {
  'state.sync': WorkshopState;
  'phase.set': { phase: string; agenda: string[] };
  'timer.start': TimerView;
  'timer.pause': TimerView;
  'timer.resume': TimerView;
  'timer.reset': TimerView;
  'view.summon': { seq: number };
  'hand.raise': HandView;
  'hand.lower': { memberId: string };
  'board.lock': { lockedBoards: string[] };
  'question.open': { questionId: string };
  'question.close': { questionId: string };
  'answer.submit': { questionId: string; answered: number };
  'answer.reveal': { questionId: string; answers: RevealedAnswer[] };
  'answer.apply': { questionId: string; applied: AppliedAnswer[] };
  'vote.open': { roundId: string };
  'vote.cast': { roundId: string; mine: string[]; remaining: number };
  'vote.retract': { roundId: string; mine: string[]; remaining: number };
  'vote.close': { roundId: string; results: VoteResult[]; voters: number };
  'principle.propose': PrincipleView;
  'principle.endorse': PrincipleView;
  'principle.close': PrincipleView;
  'principle.amend': PrincipleView;
  'principle.retire': PrincipleView;
  'principle.anchor': PrincipleView;
  'content.remove': { removed: boolean };
  'charter.import': CharterImported;
  'vision.endorse': MilestoneStances;
  'brainwriting.open': { roundId: string };
  'brainwriting.add': BrainwritingMine;
  'brainwriting.remove': BrainwritingMine;
  'brainwriting.reveal': { roundId: string; frameId: string | null; count: number };
}

type Seq = { seq: number };
/** Where a board note went in the charter. */
export interface CharterImported {
  boardId: string;
  elementId: string;
  collection: 'actors' | 'principles' | 'roadmap' | 'benefits';
  entryId: string;
}
/** Broadcasts to everyone in the workshop, each after its change is stored. */
export interface Broadcasts {
  'phase.changed': Seq & { phase: string; agenda: string[] };
  'timer.changed': Seq & { timer: TimerView };
  'view.summoned': Seq & { by: string; boardId: string; x: number; y: number; zoom: number };
  'hand.raised': Seq & HandView;
  'hand.lowered': Seq & { memberId: string };
  'board.locked': Seq & { lockedBoards: string[] };
  'question.opened': Seq & { questionId: string; kind: QuestionKindName; axis: ParadoxAxis | null; prompt: string | null };
  'question.closed': Seq & { questionId: string };
  /** Progress only: a count, never who or what. */
  'answer.submitted': Seq & { questionId: string; answered: number };
  'answer.revealed': Seq & { questionId: string; answers: RevealedAnswer[] };
  'answer.applied': Seq & { questionId: string; organisationIds: string[]; by: string };
  'vote.opened': Seq & { roundId: string; boardId: string; votesPerPerson: number; elementIds: string[] | null };
  'vote.closed': Seq & { roundId: string; boardId: string; results: VoteResult[]; voters: number };
  'principle.proposed': Seq & { principle: PrincipleView };
  'principle.endorsed': Seq & { principle: PrincipleView };
  'principle.closed': Seq & { principle: PrincipleView };
  /** A new draft amending `principle.amends`. */
  'principle.amended': Seq & { principle: PrincipleView };
  'principle.retired': Seq & { principle: PrincipleView };
  /** An organisation's stance was anchored (or anchored again, replacing the earlier record). */
  'principle.anchored': Seq & { principle: PrincipleView };
  'settings.changed': Seq & { decisionRule: DecisionRule; protectOrganisationContent: boolean };
  /** A member's record changed: renamed, named or un-named representative, removed (`removedAt`) or merged (`mergedInto`). */
  'member.changed': Seq & { member: MemberDto };
  'content.removed': Seq & { room: 'board' | 'charter'; boardId: string | null; collection: string | null; id: string; by: string };
  /** A board note went to the charter (`charter.import`). */
  'charter.imported': Seq & CharterImported & { by: string };
  /** A facilitator added, renamed, moved, duplicated or deleted a board: the workshop's boards now, in order. */
  'boards.changed': Seq & { boards: BoardDto[] };
  /** An organisation took (or changed) its stance on a milestone of the vision: the milestone's stances now. */
  'vision.endorsed': Seq & MilestoneStances & { organisationId: string };
  'brainwriting.opened': Seq & { roundId: string; boardId: string; prompt: string | null; anonymous: boolean };
  /** Progress only: counts, never who or what (after an add or a removal). */
  'brainwriting.counted': Seq & { roundId: string; notes: number; writers: number };
  'brainwriting.revealed': Seq & { roundId: string; boardId: string; frameId: string | null; count: number };
}
export type BroadcastName = keyof Broadcasts;

export interface SessionReady {
  memberId: string;
  role: Role;
  workshopId: string;
}

export type ServerToClientEvents = { [K in BroadcastName]: (e: Broadcasts[K]) => void } & {
  'session.ready': (e: SessionReady) => void;
  /** Sent to a socket once on connect; `state.sync` answers with the same shape. */
  'state.synced': (e: WorkshopState) => void;
};
export type ClientToServerEvents = {
  [K in CommandName]: (payload: CommandPayload<K>, ack: (r: Ack<CommandResults[K]>) => void) => void;
};
