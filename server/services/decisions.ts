/** Builds the decision services (facilitation, answers, votes, brainwriting, principles, moderation, charter import, vision stances, snapshot) on shared deps. */
import { createAnswerService } from './answers.js';
import { createBrainwritingService } from './brainwriting.js';
import { createCharterImportService } from './charter-import.js';
import type { BoardLocks } from './board-locks.js';
import { createFacilitationService } from './facilitation.js';
import { createModerationService } from './moderation.js';
import type { DecisionDeps } from './ports.js';
import { createPrincipleService } from './principles.js';
import { createVisionStanceService } from './vision-stances.js';
import { createVoteService } from './votes.js';
import { createWorkshopStateService } from './workshop-state.js';

export function createDecisionServices(deps: DecisionDeps & { locks: BoardLocks }) {
  const answers = createAnswerService(deps);
  const votes = createVoteService(deps);
  const brainwriting = createBrainwritingService(deps);
  const principles = createPrincipleService(deps);
  return {
    facilitation: createFacilitationService(deps),
    answers,
    votes,
    brainwriting,
    principles,
    moderation: createModerationService(deps),
    charterImport: createCharterImportService(deps),
    visionStances: createVisionStanceService(deps),
    state: createWorkshopStateService({ store: deps.store, now: deps.now, docs: deps.docs, answers, votes, brainwriting, principles }),
  };
}
export type DecisionServices = ReturnType<typeof createDecisionServices>;
