/**
 * socket.io commands (client → server, `noun.verb`), defined once as zod schemas. Every command
 * is answered with an `Ack`. Identity (member, role, organisation) always comes from the
 * handshake, never from a payload: schemas are strict, so an `organisationId` field is refused.
 */
import { z } from 'zod';
import { DecisionRule, Stance } from '../decisions.js';
import { ID_PATTERN } from '../ids.js';
import { RealtimeLimits } from '../limits.js';

export { RealtimeLimits };
import { CreatePrincipleBody } from '../charter/api.js';
import { ACTOR_KINDS, CharterLimits, PARADOX_AXES } from '../charter/schema.js';
import { ROADMAP_HORIZONS } from '../charter/charter-methods.js';


const Id = z.string().regex(ID_PATTERN, 'is not a valid id');
/** Board element ids are written by clients into Yjs; bounded, not shaped. */
const ElementId = z.string().min(1).max(64);
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'must not contain control characters' });
const prose = (max: number) => z.string().max(max).refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), { message: 'must not contain control characters' });
const Empty = z.strictObject({});

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). Not in the future is the server's check (its clock). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-01')
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d && d >= '1900-01-01';
  }, { message: 'is not a valid date' });

export const ParadoxAxis = z.enum(PARADOX_AXES);
export const QuestionKind = z.enum(['maturity', 'paradox', 'text']);

export const MaturityAnswer = z.strictObject({ generation: z.number().int().min(1).max(4), justification: prose(RealtimeLimits.noteMax).optional() });
export const ParadoxAnswer = z.strictObject({ position: z.number().min(0).max(100), note: prose(RealtimeLimits.noteMax).optional() });
/** A free-text question's answer: the text itself, trimmed, 1–2,000 characters. */
export const TextAnswer = prose(RealtimeLimits.textAnswerMax).transform((s) => s.trim()).pipe(z.string().min(1, 'must not be empty'));
export const AnswerValue = z.union([MaturityAnswer, ParadoxAnswer, TextAnswer]);
export type MaturityAnswer = z.infer<typeof MaturityAnswer>;
export type ParadoxAnswer = z.infer<typeof ParadoxAnswer>;
export type AnswerValue = z.infer<typeof AnswerValue>;

export const ViewBox = z.strictObject({
  boardId: Id,
  x: z.number().min(-1e6).max(1e6),
  y: z.number().min(-1e6).max(1e6),
  zoom: z.number().min(0.01).max(100),
});

export const CharterCollection = z.enum(['actors', 'relations', 'maturity', 'paradoxes', 'bodies', 'escalation', 'funding', 'decisions', 'principles', 'benefits', 'roadmap', 'services']);

/** A facilitator removes content (moderation); audited with what was removed. */
export const ContentRemove = z.union([
  z.strictObject({ room: z.literal('board'), boardId: Id, id: ElementId }),
  z.strictObject({ room: z.literal('charter'), collection: CharterCollection, id: z.string().min(1).max(200) }),
]);

export const Commands = {
  'state.sync': Empty,
  'phase.set': z.strictObject({ phase: line(RealtimeLimits.phaseMax), agenda: z.array(line(RealtimeLimits.phaseMax)).max(RealtimeLimits.agendaMax).optional() }),
  'timer.start': z.strictObject({ seconds: z.number().int().min(1).max(RealtimeLimits.timerMaxSeconds) }),
  'timer.pause': Empty,
  'timer.resume': Empty,
  'timer.reset': Empty,
  'view.summon': ViewBox,
  'hand.raise': Empty,
  /** Without memberId: your own hand; a facilitator may lower anyone's. */
  'hand.lower': z.strictObject({ memberId: Id.optional() }),
  /** Without boardId: every board of the workshop. */
  'board.lock': z.strictObject({ boardId: Id.optional(), locked: z.boolean() }),
  /** A text question asks its `prompt` (answers are free text); a paradox question names its axis. */
  'question.open': z
    .strictObject({ kind: QuestionKind, axis: ParadoxAxis.optional(), prompt: line(RealtimeLimits.promptMax).optional() })
    .refine((q) => (q.kind === 'paradox') === (q.axis !== undefined), { message: 'a paradox question names its axis, the others none', path: ['axis'] })
    .refine((q) => (q.kind === 'text') === (q.prompt !== undefined), { message: 'a text question asks its prompt, the others none', path: ['prompt'] }),
  'question.close': z.strictObject({ questionId: Id }),
  'answer.submit': z.strictObject({ questionId: Id, value: AnswerValue }),
  /** Makes the answers public; writes nothing into the charter (that is `answer.apply`). */
  'answer.reveal': z.strictObject({ questionId: Id }),
  /** Writes a revealed question's answers into the charter; without organisationIds, every organisation that answered. */
  'answer.apply': z.strictObject({ questionId: Id, organisationIds: z.array(Id).min(1).max(RealtimeLimits.organisationsMax).optional() }),
  'vote.open': z.strictObject({
    boardId: Id,
    votesPerPerson: z.number().int().min(1).max(RealtimeLimits.votesPerPersonMax),
    elementIds: z.array(ElementId).min(1).max(RealtimeLimits.elementIdsMax).optional(),
  }),
  'vote.cast': z.strictObject({ roundId: Id, elementId: ElementId }),
  'vote.retract': z.strictObject({ roundId: Id, elementId: ElementId }),
  'vote.close': z.strictObject({ roundId: Id }),
  /**
   * `expectedText`: the text on the proposer's screen. The server waits a moment for its own copy
   * of the draft (which arrives over the sync connection) to say the same, and refuses with
   * `conflict` if it does not, so what is proposed is what the facilitator saw.
   */
  'principle.propose': z.strictObject({ principleId: ElementId, expectedText: z.string().max(CharterLimits.principleMax).optional() }),
  'principle.endorse': z.strictObject({ principleId: ElementId, stance: Stance, reason: prose(RealtimeLimits.reasonMax).optional() }),
  'principle.close': z.strictObject({ principleId: ElementId }),
  /** Starts an amendment of an adopted principle: a new draft with `text`, linked to it by the server. */
  'principle.amend': z.strictObject({ principleId: ElementId, text: CreatePrincipleBody.shape.text }),
  /** Takes a principle out, with a reason (facilitators). */
  'principle.retire': z.strictObject({ principleId: ElementId, reason: line(RealtimeLimits.reasonMax) }),
  /**
   * A representative records that their organisation's line or leadership confirmed its stance on
   * the principle's current version (issue #14): who, in which role, on which date, and optionally
   * a reference to the decision document.
   */
  'principle.anchor': z.strictObject({
    principleId: ElementId,
    confirmedBy: line(RealtimeLimits.anchorNameMax),
    role: line(RealtimeLimits.anchorRoleMax),
    date: IsoDate,
    reference: line(RealtimeLimits.anchorReferenceMax).optional(),
  }),
  'content.remove': ContentRemove,
  /**
   * Send to the charter (issue #17): the server copies a note from its own copy of the board into
   * the charter as an actor (its zone gives the kind unless `kind` says), a principle draft, a
   * roadmap item (its zone gives the horizon unless `horizon` says) or a benefits line, recording
   * the note and its author; audited (`charter.imported`).
   */
  'charter.import': z.strictObject({
    boardId: Id,
    elementId: ElementId,
    as: z.enum(['actor', 'principle', 'roadmap', 'benefit']),
    kind: z.enum(ACTOR_KINDS).optional(),
    horizon: z.enum(ROADMAP_HORIZONS).optional(),
  }),
  /**
   * A representative takes their organisation's stance on the vision as a whole, as saved in a
   * milestone (issue #17); an objection needs a reason. A newer stance replaces the older.
   */
  'vision.endorse': z.strictObject({ milestoneId: Id, stance: Stance, reason: prose(RealtimeLimits.reasonMax).optional() }),
  /**
   * Brainwriting (issue #16): everyone writes notes privately; the server keeps them, each visible
   * only to its author, until `brainwriting.reveal` writes them onto the board. In an anonymous
   * round no author is recorded anywhere once revealed. `prompt` (optional) titles the round.
   */
  'brainwriting.open': z.strictObject({ boardId: Id, anonymous: z.boolean(), prompt: line(RealtimeLimits.promptMax).optional() }),
  'brainwriting.add': z.strictObject({ roundId: Id, text: prose(RealtimeLimits.brainwritingNoteMax).transform((s) => s.trim()).pipe(z.string().min(1, 'must not be empty')) }),
  /** Takes back one of your own notes before the reveal. */
  'brainwriting.remove': z.strictObject({ roundId: Id, noteId: Id }),
  'brainwriting.reveal': z.strictObject({ roundId: Id }),
} as const;

export type CommandName = keyof typeof Commands;
export type CommandPayload<K extends CommandName> = z.infer<(typeof Commands)[K]>;
export const COMMAND_NAMES = Object.keys(Commands) as CommandName[];

export { DecisionRule };
