/**
 * Pure rules for agreeing on principles, without zod: the client imports them at run time, and the
 * server's schemas (shared/decisions.ts) are built from the lists here. The server computes every
 * status shown; clients may use the same functions to explain it. Organisations, not people, take
 * stances: the latest stance of an organisation counts.
 *
 * - `consensus` (default): agreed when every participating organisation endorses; an organisation
 *   may abstain (stand aside) without blocking, but at least one must endorse. Any objection
 *   blocks until it is withdrawn.
 * - `consent`: agreed when nobody objects, once every organisation has responded or the
 *   facilitator has closed the question.
 * - `majority`: agreed when more than half of the participating organisations endorse.
 *
 * Closing freezes the outcome: `agreed` or `rejected`. A draft whose text changed after it was
 * proposed is `stale` whatever its stances, until it is proposed again.
 *
 * Decisions are recorded, not recomputed: the organisations that count (`participating`) are
 * those bound when the principle was proposed, and a closed principle's status is the outcome
 * recorded when it closed. An organisation outside the bound set may take a stance later ("join
 * after the fact"); it is shown beside the decision and never changes it.
 */
export const DECISION_RULES = ['consensus', 'consent', 'majority'] as const;
export type DecisionRule = (typeof DECISION_RULES)[number];
export const DEFAULT_DECISION_RULE: DecisionRule = 'consensus';

export const STANCES = ['endorse', 'object', 'abstain'] as const;
export type Stance = (typeof STANCES)[number];

export type PrincipleStatus = 'draft' | 'open' | 'blocked' | 'agreed' | 'rejected' | 'stale';

export type ClosedOutcome = 'agreed' | 'rejected';

export interface StatusInput {
  rule: DecisionRule;
  /** Organisations whose stance is asked for: those bound when it was proposed. */
  participating: readonly string[];
  /** Latest stance per organisation. */
  stances: ReadonlyMap<string, Stance>;
  proposed: boolean;
  closed: boolean;
  /** False when the draft's text no longer matches the proposed text (or the draft is gone). */
  textMatches: boolean;
}

export interface Tally {
  endorse: number;
  object: number;
  abstain: number;
  pending: number;
}

export function tally(participating: readonly string[], stances: ReadonlyMap<string, Stance>): Tally {
  const t: Tally = { endorse: 0, object: 0, abstain: 0, pending: 0 };
  for (const org of new Set(participating)) {
    const s = stances.get(org);
    if (s) t[s]++;
    else t.pending++;
  }
  return t;
}

export function principleStatus(input: StatusInput): PrincipleStatus {
  if (!input.proposed) return 'draft';
  if (!input.textMatches) return 'stale';
  const t = tally(input.participating, input.stances);
  const total = t.endorse + t.object + t.abstain + t.pending;
  const allResponded = t.pending === 0 && total > 0;
  switch (input.rule) {
    case 'consensus':
      if (t.object > 0) return input.closed ? 'rejected' : 'blocked';
      if (allResponded && t.endorse > 0) return 'agreed';
      return input.closed ? 'rejected' : 'open';
    case 'consent':
      if (t.object > 0) return input.closed ? 'rejected' : 'blocked';
      if (allResponded || (input.closed && total > 0)) return 'agreed';
      return input.closed ? 'rejected' : 'open';
    case 'majority': {
      const needed = Math.floor(total / 2) + 1;
      if (total > 0 && t.endorse >= needed) return 'agreed';
      if (input.closed || t.endorse + t.pending < needed) return 'rejected';
      return 'open';
    }
  }
}

/** A stance's reason: an objection must explain itself. */
export function reasonProblem(stance: Stance, reason: string | undefined): string | null {
  if (stance === 'object' && !(reason && reason.trim().length > 0)) return 'an objection needs a reason';
  return null;
}

/** The outcome a proposal closes with (the same rule, `closed` set); never `stale` or `open`. */
export function closingOutcome(input: Omit<StatusInput, 'proposed' | 'closed' | 'textMatches'>): ClosedOutcome {
  return principleStatus({ ...input, proposed: true, closed: true, textMatches: true }) === 'agreed' ? 'agreed' : 'rejected';
}

/**
 * The principle an amendment supersedes: the one it amends, once the amendment closed `agreed`
 * (its own status and stances stay as recorded). Of several, the latest closed supersedes.
 */
export function supersedes(amendment: { amends: string | null; outcome: ClosedOutcome | null }): string | null {
  return amendment.amends && amendment.outcome === 'agreed' ? amendment.amends : null;
}

/** The organisations of `all` (in their order) that were not bound and have not joined after the fact. */
export function notYetJoined(all: readonly string[], bound: readonly string[], joined: readonly string[]): string[] {
  const done = new Set([...bound, ...joined]);
  return all.filter((o) => !done.has(o));
}
