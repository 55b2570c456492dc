/**
 * The snapshot a socket gets on connect and on `state.sync`: everything the server holds about
 * the live workshop, as this actor may see it, with the event number it reflects. The number is
 * read first, so any change after it arrives as a broadcast with a higher one.
 */
import type * as Y from 'yjs';
import { CharterDoc } from '../../shared/charter/charter-doc.js';
import { formatRoom } from '../../shared/ids.js';
import type { CharterImported, WorkshopState } from '../../shared/realtime/index.js';
import { authorize, type Actor } from '../auth/access.js';
import type { AnswerService } from './answers.js';
import type { BrainwritingService } from './brainwriting.js';
import { timerView } from './facilitation.js';
import type { DecisionDeps } from './ports.js';
import type { PrincipleService } from './principles.js';
import type { VoteService } from './votes.js';

export interface WorkshopStateDeps extends Pick<DecisionDeps, 'store' | 'now' | 'docs'> {
  answers: AnswerService;
  votes: VoteService;
  brainwriting: BrainwritingService;
  principles: PrincipleService;
}

/** The entries imported from a board, wherever they are in the charter. */
function charterSourcesOf(doc: Y.Doc): CharterImported[] {
  const c = new CharterDoc(doc, () => '');
  const from = (collection: CharterImported['collection'], list: Array<{ id: string; source: { boardId: string; elementId: string } | null }>) =>
    list.flatMap((e) => (e.source ? [{ boardId: e.source.boardId, elementId: e.source.elementId, collection, entryId: e.id }] : []));
  return [...from('actors', c.actors()), ...from('principles', c.principles()), ...from('roadmap', c.roadmap()), ...from('benefits', c.benefits())];
}

export type WorkshopStateService = ReturnType<typeof createWorkshopStateService>;

export function createWorkshopStateService(deps: WorkshopStateDeps) {
  return {
    async snapshot(actor: Actor): Promise<WorkshopState> {
      const workshopId = actor.member.workshopId;
      authorize(actor, 'workshop.read', workshopId);
      const f = await deps.store.facilitation.get(workshopId);
      const [workshop, lockedBoards, hands, questions, rounds, brainwriting, principles, charterSources] = await Promise.all([
        deps.store.workshops.get(workshopId),
        deps.store.facilitation.lockedBoards(workshopId),
        deps.store.facilitation.hands(workshopId),
        deps.answers.views(actor),
        deps.votes.views(actor),
        deps.brainwriting.views(actor),
        deps.principles.views(actor, workshopId),
        deps.docs.read(formatRoom({ workshopId, part: { kind: 'charter' } }), charterSourcesOf),
      ]);
      const now = deps.now().getTime();
      return {
        seq: f.seq,
        serverNow: now,
        decisionRule: workshop?.decisionRule ?? 'consensus',
        protectOrganisationContent: workshop?.protectOrganisationContent ?? false,
        phase: f.phase,
        agenda: f.agenda,
        timer: timerView(f.timer, now),
        lockedBoards,
        hands,
        questions,
        rounds,
        brainwriting,
        principles,
        charterSources,
      };
    },
  };
}
