/**
 * The decision rule's zod schemas for the server's payloads (shared/api.ts,
 * shared/realtime/commands.ts), beside the rule itself. The rule is zod-free in
 * shared/decision-rule.ts, which the client imports; this module re-exports it so the server
 * reads both from one place.
 */
import { z } from 'zod';
import { DECISION_RULES, STANCES } from './decision-rule.js';

export const DecisionRule = z.enum(DECISION_RULES);
export type DecisionRule = z.infer<typeof DecisionRule>;

export const Stance = z.enum(STANCES);
export type Stance = z.infer<typeof Stance>;

export {
  closingOutcome,
  DECISION_RULES,
  DEFAULT_DECISION_RULE,
  notYetJoined,
  principleStatus,
  reasonProblem,
  STANCES,
  supersedes,
  tally,
  type ClosedOutcome,
  type PrincipleStatus,
  type StatusInput,
  type Tally,
} from './decision-rule.js';
