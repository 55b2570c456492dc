/**
 * Send to the charter (issue #17, `charter.import`): workshops diverge on the board and converge
 * in the charter, and this carries a note across without retyping. The server copies from its
 * own copy of the board (a client could forge the text or its author), records the note and its
 * original author on the new entry, and writes the entry and its `charter.imported` audit entry
 * in one transaction. What a note becomes:
 * - `actor`: the first line its name, the rest its role; the template zone it sits in gives the
 *   kind (a renamed or foreign frame: `kind`, else a state agency);
 * - `principle`: a draft with the note's text, proposed by no one yet;
 * - `roadmap`: an item on the horizon its zone names (`horizon`, else now), owned by the note
 *   author's organisation;
 * - `benefit`: a benefits line whose "what" is the note; an amount written with kr/NOK is read.
 * A note already in the charter (as anything) is a `conflict`: one note, one entry.
 */
import { BoardDoc } from '../../shared/board/board-doc.js';
import { frameRoleOf } from '../../shared/board/templates.js';
import { parseAmount } from '../../shared/charter/amount.js';
import { CharterDoc } from '../../shared/charter/charter-doc.js';
import type { ActorKind, CharterSource } from '../../shared/charter/schema.js';
import type { RoadmapHorizon } from '../../shared/charter/charter-methods.js';
import { AppError, ErrorCode } from '../../shared/errors.js';
import { formatRoom } from '../../shared/ids.js';
import type { CharterImported, CommandPayload } from '../../shared/realtime/index.js';
import { authorize, type Actor } from '../auth/access.js';
import { requireBoard } from './facilitation.js';
import type { DecisionDeps } from './ports.js';

export type CharterImportService = ReturnType<typeof createCharterImportService>;

const TEXT_KINDS = new Set(['note', 'rect', 'ellipse', 'diamond', 'text']);
const COLLECTION = { actor: 'actors', principle: 'principles', roadmap: 'roadmap', benefit: 'benefits' } as const;

/**
 * The first amount in kroner a note names ("Færre søknader: 1 500 000 kr i året", "NOK 2,5 mill"),
 * found in the free text and read by the funding field's reader (shared/charter/amount.ts), or null.
 */
export function amountIn(text: string): number | null {
  const n = String.raw`\d[\d \u00a0\u202f.,]*`;
  const scale = String.raw`(?:\s*(?:mill\w*|mrd\w*|milliard\w*))?`;
  const m = new RegExp(String.raw`${n}${scale}\s*(?:kr\b|kroner|nok\b)|(?:kr\.?|nok)\s*${n}${scale}`, 'i').exec(text);
  if (!m) return null;
  const read = parseAmount(m[0].replace(/\s*(?:kroner|kr\.?|nok)\s*/gi, ' ').trim(), 'nb');
  return read.ok ? read.value : null;
}

export function createCharterImportService(deps: DecisionDeps) {
  return {
    async import(actor: Actor, p: CommandPayload<'charter.import'>): Promise<CharterImported> {
      const workshopId = actor.member.workshopId;
      authorize(actor, 'doc.write', workshopId);
      await requireBoard(deps, workshopId, p.boardId);
      const found = await deps.docs.read(formatRoom({ workshopId, part: { kind: 'board', boardId: p.boardId } }), (doc) => {
        const board = new BoardDoc(doc, () => '');
        const el = board.get(p.elementId);
        return el ? { el, frame: board.frameOf(el)?.text ?? '' } : null;
      });
      if (!found) throw new AppError(ErrorCode.notFound, 404, 'elementId: no such element on this board.', { field: 'elementId' });
      const { el, frame } = found;
      const text = el.text.trim();
      if (!TEXT_KINDS.has(el.kind) || !text) throw new AppError(ErrorCode.validationFailed, 400, 'elementId: only a note or a shape with text can go to the charter.', { field: 'elementId' });
      const role = frameRoleOf(frame);
      const source: CharterSource = { boardId: p.boardId, elementId: el.id, authorId: el.author.id };
      const collection = COLLECTION[p.as];
      let entryId = '';
      let seq = 0;
      await deps.docs.change(
        formatRoom({ workshopId, part: { kind: 'charter' } }),
        (doc) => {
          const charter = new CharterDoc(doc, deps.newId);
          const already = [...charter.actors(), ...charter.principles(), ...charter.roadmap(), ...charter.benefits()].some((e) => e.source?.boardId === p.boardId && e.source.elementId === el.id);
          if (already) throw new AppError(ErrorCode.conflict, 409, 'This note is already in the charter.');
          const [first, ...rest] = text.split('\n');
          if (p.as === 'actor') {
            const kind = p.kind ?? (role?.startsWith('actor-') ? (role.slice('actor-'.length) as ActorKind) : 'state_agency');
            entryId = charter.addActor({ name: first!.trim(), kind, role: rest.join('\n').trim() }, 'server', source);
          } else if (p.as === 'principle') {
            entryId = charter.addPrinciple(text, actor.member.id, 'server', deps.now(), source);
          } else if (p.as === 'roadmap') {
            const horizon = p.horizon ?? (role?.startsWith('roadmap-') ? (role.slice('roadmap-'.length) as RoadmapHorizon) : 'now');
            entryId = charter.addRoadmapItem({ text, horizon, owner: el.author.organisationName ?? '' }, 'server', source);
          } else {
            entryId = charter.addBenefit({ what: text, amount: amountIn(text) }, 'server', source);
          }
        },
        async (tx) => {
          seq = await tx.facilitation.nextSeq(workshopId);
          const at = deps.now().toISOString();
          await tx.audit.append({
            workshopId,
            at,
            actorId: actor.member.id,
            type: 'charter.imported',
            data: {
              ...{ boardId: p.boardId, elementId: el.id, as: p.as, collection, entryId },
              author: { id: el.author.id, name: el.author.name, organisationId: el.author.organisationId },
              text: text.slice(0, 200),
            },
          });
          await tx.edits.record(workshopId, [{ room: 'charter', key: `${collection}/${entryId}`, memberId: actor.member.id, organisationId: actor.member.organisationId, at }]);
        },
      );
      const result: CharterImported = { boardId: p.boardId, elementId: el.id, collection, entryId };
      deps.sink.broadcast(workshopId, 'charter.imported', { seq, ...result, by: actor.member.id });
      return result;
    },
  };
}
