/**
 * The names of every broadcast, as a run-time list without zod (the client subscribes to each).
 * Written as a record over `BroadcastName` so the compiler refuses a missing, unknown or repeated
 * name: the list always names the keys of `Broadcasts` exactly.
 */
import type { BroadcastName } from './events.js';

const NAMES: Record<BroadcastName, true> = {
  'phase.changed': true,
  'timer.changed': true,
  'view.summoned': true,
  'hand.raised': true,
  'hand.lowered': true,
  'board.locked': true,
  'question.opened': true,
  'question.closed': true,
  'answer.submitted': true,
  'answer.revealed': true,
  'answer.applied': true,
  'vote.opened': true,
  'vote.closed': true,
  'principle.proposed': true,
  'principle.endorsed': true,
  'principle.closed': true,
  'principle.amended': true,
  'principle.retired': true,
  'principle.anchored': true,
  'settings.changed': true,
  'member.changed': true,
  'content.removed': true,
  'charter.imported': true,
  'boards.changed': true,
  'vision.endorsed': true,
  'brainwriting.opened': true,
  'brainwriting.counted': true,
  'brainwriting.revealed': true,
};

export const BROADCAST_NAMES: readonly BroadcastName[] = Object.freeze(Object.keys(NAMES) as BroadcastName[]);
