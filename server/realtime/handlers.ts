/** One `register<Concern>Handlers` per concern: a list of `on(...)` lines and nothing else. */
import type { AnswerService } from '../services/answers.js';
import type { BrainwritingService } from '../services/brainwriting.js';
import type { CharterImportService } from '../services/charter-import.js';
import type { FacilitationService } from '../services/facilitation.js';
import type { ModerationService } from '../services/moderation.js';
import type { PrincipleService } from '../services/principles.js';
import type { VisionStanceService } from '../services/vision-stances.js';
import type { VoteService } from '../services/votes.js';
import type { WorkshopStateService } from '../services/workshop-state.js';
import { on, type SocketContext } from './command.js';

export interface RealtimeServices {
  facilitation: FacilitationService;
  answers: AnswerService;
  votes: VoteService;
  brainwriting: BrainwritingService;
  principles: PrincipleService;
  moderation: ModerationService;
  charterImport: CharterImportService;
  visionStances: VisionStanceService;
  state: WorkshopStateService;
}

export function registerStateHandlers(ctx: SocketContext, s: RealtimeServices): void {
  on(ctx, 'state.sync', (_p, actor) => s.state.snapshot(actor));
}

export function registerFacilitationHandlers(ctx: SocketContext, s: RealtimeServices): void {
  on(ctx, 'phase.set', (p, actor) => s.facilitation.setPhase(actor, p));
  on(ctx, 'timer.start', (p, actor) => s.facilitation.startTimer(actor, p.seconds));
  on(ctx, 'timer.pause', (_p, actor) => s.facilitation.pauseTimer(actor));
  on(ctx, 'timer.resume', (_p, actor) => s.facilitation.resumeTimer(actor));
  on(ctx, 'timer.reset', (_p, actor) => s.facilitation.resetTimer(actor));
  on(ctx, 'view.summon', (p, actor) => s.facilitation.summon(actor, p));
  on(ctx, 'hand.raise', (_p, actor) => s.facilitation.raiseHand(actor));
  on(ctx, 'hand.lower', (p, actor) => s.facilitation.lowerHand(actor, p.memberId));
  on(ctx, 'board.lock', (p, actor) => s.facilitation.lockBoards(actor, p));
  on(ctx, 'content.remove', (p, actor) => s.moderation.remove(actor, p));
  on(ctx, 'charter.import', (p, actor) => s.charterImport.import(actor, p));
}

export function registerAnswerHandlers(ctx: SocketContext, s: RealtimeServices): void {
  on(ctx, 'question.open', (p, actor) => s.answers.open(actor, p));
  on(ctx, 'question.close', (p, actor) => s.answers.close(actor, p.questionId));
  on(ctx, 'answer.submit', (p, actor) => s.answers.submit(actor, p));
  on(ctx, 'answer.reveal', (p, actor) => s.answers.reveal(actor, p.questionId));
  on(ctx, 'answer.apply', (p, actor) => s.answers.apply(actor, p));
}

export function registerVoteHandlers(ctx: SocketContext, s: RealtimeServices): void {
  on(ctx, 'vote.open', (p, actor) => s.votes.open(actor, p));
  on(ctx, 'vote.cast', (p, actor) => s.votes.cast(actor, p));
  on(ctx, 'vote.retract', (p, actor) => s.votes.retract(actor, p));
  on(ctx, 'vote.close', (p, actor) => s.votes.close(actor, p.roundId));
}

export function registerBrainwritingHandlers(ctx: SocketContext, s: RealtimeServices): void {
  on(ctx, 'brainwriting.open', (p, actor) => s.brainwriting.open(actor, p));
  on(ctx, 'brainwriting.add', (p, actor) => s.brainwriting.add(actor, p));
  on(ctx, 'brainwriting.remove', (p, actor) => s.brainwriting.remove(actor, p));
  on(ctx, 'brainwriting.reveal', (p, actor) => s.brainwriting.reveal(actor, p.roundId));
}

export function registerPrincipleHandlers(ctx: SocketContext, s: RealtimeServices): void {
  on(ctx, 'principle.propose', (p, actor) => s.principles.propose(actor, p.principleId, p.expectedText));
  on(ctx, 'principle.endorse', (p, actor) => s.principles.endorse(actor, p));
  on(ctx, 'principle.close', (p, actor) => s.principles.close(actor, p.principleId));
  on(ctx, 'principle.amend', (p, actor) => s.principles.amend(actor, p));
  on(ctx, 'principle.retire', (p, actor) => s.principles.retire(actor, p));
  on(ctx, 'principle.anchor', (p, actor) => s.principles.anchor(actor, p));
}

export function registerVisionHandlers(ctx: SocketContext, s: RealtimeServices): void {
  on(ctx, 'vision.endorse', (p, actor) => s.visionStances.endorse(actor, p));
}

export const registerAll = [
  registerStateHandlers, registerFacilitationHandlers, registerAnswerHandlers, registerVoteHandlers, registerBrainwritingHandlers, registerPrincipleHandlers, registerVisionHandlers,
];
