/**
 * Who may change what inside the charter and board documents (issue #13), checked by the server
 * on the entries each member's update touches (server/sync/touched.ts), never by the client:
 *
 * Charter
 * - An organisation's self-assessment (`maturity/<orgId>`, `paradoxes/<axis>/<orgId>`): only its
 *   members and facilitators (`ownership`). A facilitator's change to another organisation's entry
 *   is audited (`charter.changed`, before and after) in the same transaction as the update.
 * - A service of the overlap inventory (`services/<id>`, issue #17) that names an organisation,
 *   before or after the update: only that organisation's members and facilitators; a service
 *   naming none, anyone who may write. A facilitator's change to another organisation's service is
 *   audited like a self-assessment (`charter.changed`).
 * - A principle: a proposed one only by facilitators (`principle-proposed`); a closed one by
 *   nobody (`principle-closed`), nor a retired one (`principle-retired`). A new draft names its sender as author; no update changes the
 *   author or creation time of an existing one (`author-field`).
 * - A funding line: figures are numbers in range, its organisation one of the workshop's
 *   (`funding-field`, `funding-organisation`: server/sync/funding-guard.ts).
 * Board
 * - A new element names its sender and the sender's organisation; no update changes the author
 *   fields of an existing one (`author-field`).
 * - With `protectOrganisationContent`, an element that names an organisation is changed, moved or
 *   deleted only by that organisation's members and facilitators (`ownership`).
 * - Removing another organisation's element is audited (`content.removed`, with the element).
 * - Comments on elements: their own rules, server/sync/comment-guard.ts.
 *
 * Every touched entry gets a last-editor record (person and organisation), kept best effort.
 *
 * Vision
 * - Text is credited to the member whose connection first wrote with a Yjs client id (the
 *   attribution, services/vision-attribution.ts): an update that writes under a client id another
 *   member claimed is refused (`client-id`), so nobody's words are credited to someone else.
 * - The settings map (suggestion mode for participants) is the facilitators' (`settings`); a
 *   change of the mode is audited (`vision.suggestions_required`).
 * - Nobody writes a new suggestion in someone else's name (server/sync/suggestion-names.ts,
 *   `suggestion-others`), whether or not the mode is required.
 * - While suggestion mode is required, a participant's update may only add (or withdraw) their
 *   own suggestions, or resolve those that change their own text as the attribution says
 *   (server/sync/suggestion-guard.ts, `suggestion-*`).
 */
import * as Y from 'yjs';
import { decodedUpdate } from '../../shared/sync/decoded.js';
import { BoardKey, F, readElement } from '../../shared/board/schema.js';
import { MF, readService } from '../../shared/charter/charter-methods.js';
import { CharterKey, CF, CharterLimits, readMaturity, readParadox } from '../../shared/charter/schema.js';
import type { LastEdit, NewAuditEntry, Store } from '../store/types.js';
import type { RoomPeer } from './room-types.js';
import { commentRefusal, commentUpdate, type CommentUpdate } from './comment-guard.js';
import { fundingRefusal } from './funding-guard.js';
import type { Touch } from './touched.js';
import { createSuggestionCheck, resolutionRefusal, settingsWrite } from './suggestion-guard.js';
import { forgedSuggestion } from './suggestion-names.js';
import { suggestionsRequired } from '../../shared/vision/suggestion-settings.js';

export type GuardVerdict = { refused: string } | { audit: NewAuditEntry[]; edits: LastEdit[] };

/** `touches()`: the entries the update touches (server/sync/touched.ts), placed on first call. */
export type Guard = (peer: RoomPeer, touches: () => readonly Touch[], doc: Y.Doc, update: Uint8Array) => Promise<GuardVerdict>;

export interface GuardDeps {
  store: Store;
  workshopId: string;
  now: () => Date;
}

const refuse = (rule: string): GuardVerdict => ({ refused: rule });
const AUTHOR_FIELDS = [F.authorId, F.organisationId, F.createdAt] as const;

function who(peer: RoomPeer): { memberId: string; organisationId: string | null; facilitator: boolean } {
  return { memberId: peer.memberId, organisationId: peer.user.organisationId ?? null, facilitator: peer.user.role === 'facilitator' };
}

/** The document after `update`, for before-and-after audit entries (small documents only). */
function after(doc: Y.Doc, update: Uint8Array): Y.Doc {
  const trial = new Y.Doc({ gc: doc.gc });
  Y.applyUpdate(trial, Y.encodeStateAsUpdate(doc));
  Y.applyUpdate(trial, update);
  return trial;
}

export function charterGuard(deps: GuardDeps): Guard {
  return async (peer, touched, doc, update) => {
    const me = who(peer);
    const touches = touched();
    const at = deps.now().toISOString();
    const audit: NewAuditEntry[] = [];
    const edits: LastEdit[] = [];
    let trial: Y.Doc | null = null;
    // Read once per update, and only when it touches a principle (or names a funder).
    let retired: Set<string> | null = null;
    let organisations: Set<string> | null = null;
    const organisationIds = async () => (organisations ??= new Set((await deps.store.workshops.organisations(deps.workshopId)).map((o) => o.id)));
    try {
      for (const t of touches) {
        if (t.root === CharterKey.maturity || t.root === CharterKey.paradoxes) {
          const owner = t.root === CharterKey.maturity ? t.key : (t.key.split('/')[1] ?? '');
          if (owner !== me.organisationId) {
            if (!me.facilitator) return refuse('ownership');
            trial ??= after(doc, update);
            const read = (d: Y.Doc) => {
              const m = d.getMap<unknown>(t.root).get(t.key);
              if (!(m instanceof Y.Map)) return null;
              return t.root === CharterKey.maturity ? readMaturity(t.key, m) : readParadox(t.key, m);
            };
            audit.push({ workshopId: deps.workshopId, at, actorId: me.memberId, type: 'charter.changed', data: { collection: t.root, key: t.key, organisationId: owner, before: read(doc), after: read(trial) } });
          }
        } else if (t.root === CharterKey.services) {
          const owners = serviceOwners(t, doc);
          if (owners.some((o) => o !== me.organisationId)) {
            if (!me.facilitator) return refuse('ownership');
            trial ??= after(doc, update);
            const read = (d: Y.Doc) => {
              const m = d.getMap<unknown>(CharterKey.services).get(t.key);
              return m instanceof Y.Map ? readService(t.key, m) : null;
            };
            const data = { collection: t.root, key: t.key, organisationId: owners[0], before: read(doc), after: read(trial) };
            audit.push({ workshopId: deps.workshopId, at, actorId: me.memberId, type: 'charter.changed', data });
          }
        } else if (t.root === CharterKey.principles) {
          const record = await deps.store.principles.get(deps.workshopId, t.key);
          if (record?.closed) return refuse('principle-closed');
          retired ??= new Set((await deps.store.principles.lifecycle(deps.workshopId)).flatMap((l) => (l.retiredAt !== null ? [l.principleId] : [])));
          if (retired.has(t.key)) return refuse('principle-retired');
          if (record && !me.facilitator) return refuse('principle-proposed');
          const existing = doc.getMap<unknown>(CharterKey.principles).get(t.key);
          const authorOk = existing instanceof Y.Map ? sameFields(t, existing, [CF.authorId, CF.createdAt]) : t.kind !== 'create' || t.fields.get(CF.authorId) === me.memberId;
          if (!authorOk) return refuse('author-field');
        } else if (t.root === CharterKey.funding) {
          const rule = await fundingRefusal(t, organisationIds);
          if (rule) return refuse(rule);
        }
        // The schema version (written once by whichever client migrates) is nobody's statement.
        if (t.root !== CharterKey.meta) edits.push({ room: 'charter', key: `${t.root}/${t.key}`, memberId: me.memberId, organisationId: me.organisationId, at });
      }
    } finally {
      trial?.destroy();
    }
    return { audit, edits };
  };
}

export function boardGuard(deps: GuardDeps & { boardId: string }): Guard {
  // Read when it matters (rarely: another organisation's element, not a facilitator), so a changed setting holds at once.
  const protectedNow = async () => (await deps.store.workshops.get(deps.workshopId))?.protectOrganisationContent ?? false;
  return async (peer, touched, doc) => {
    const me = who(peer);
    const touches = touched();
    const at = deps.now().toISOString();
    const audit: NewAuditEntry[] = [];
    const edits: LastEdit[] = [];
    const elements = doc.getMap<unknown>(BoardKey.elements);
    let comments: CommentUpdate | null = null;
    for (const t of touches) {
      if (t.root === BoardKey.comments) {
        const rule = commentRefusal(t, doc, me, (comments ??= commentUpdate(doc, touches)));
        if (rule) return refuse(rule);
        continue;
      }
      if (t.root !== BoardKey.elements) continue;
      const existing = elements.get(t.key);
      const current = existing instanceof Y.Map ? readElement(t.key, existing) : null;
      if (existing instanceof Y.Map) {
        if (t.kind !== 'delete' && !sameFields(t, existing, AUTHOR_FIELDS)) return refuse('author-field');
        const owner = current?.author.organisationId ?? null;
        if (owner !== null && owner !== me.organisationId && !me.facilitator && (await protectedNow())) return refuse('ownership');
        // A facilitator's removals are audited already (room-kinds.ts, `removals`).
        if (t.kind === 'delete' && owner !== null && owner !== me.organisationId && !me.facilitator) {
          audit.push({ workshopId: deps.workshopId, at, actorId: me.memberId, type: 'content.removed', data: { room: 'board', boardId: deps.boardId, ids: [t.key], via: 'edit', organisationId: owner, before: current } });
        }
      } else if (t.kind === 'create') {
        // No organisation is written as '' by the app (shared/board/board-doc.ts) or left out.
        if (t.fields.get(F.authorId) !== me.memberId || (t.fields.get(F.organisationId) || null) !== me.organisationId) return refuse('author-field');
      }
      edits.push({ room: `board/${deps.boardId}`, key: t.key, memberId: me.memberId, organisationId: me.organisationId, at });
    }
    return { audit, edits };
  };
}

/**
 * The organisations a service belongs to before and after the update (none, one, or two when it
 * changes hands), read as `readService` reads them: anything but a string is no organisation.
 */
function serviceOwners(t: Touch, doc: Y.Doc): string[] {
  const id = (v: unknown) => (typeof v === 'string' ? v.slice(0, CharterLimits.idMax) : '');
  const existing = doc.getMap<unknown>(CharterKey.services).get(t.key);
  const before = existing instanceof Y.Map ? id(existing.get(MF.organisationId)) : '';
  // A new value (or a replacement) without the field names nobody; a change without it keeps it.
  const after = t.kind === 'delete' ? '' : t.fields.has(MF.organisationId) ? id(t.fields.get(MF.organisationId)) : t.kind === 'create' ? '' : before;
  return [...new Set([before, after])].filter((o) => o !== '');
}

/** True when `t` leaves `fields` of the existing entry as they are (a replacement must repeat them). */
function sameFields(t: Touch, existing: Y.Map<unknown>, fields: readonly string[]): boolean {
  const replaced = t.kind === 'create';
  return fields.every((f) => (replaced || t.fields.has(f) ? (t.fields.get(f) ?? null) === (existing.get(f) ?? null) : true));
}

export function visionGuard(deps: GuardDeps): Guard {
  // Claims seen by this guard; others (another instance's) are read from the store when met.
  const owners = new Map<number, string>();
  const suggestions = createSuggestionCheck();
  return async (peer, _touches, doc, update) => {
    const fresh = new Set<number>();
    const { structs } = decodedUpdate(update);
    for (const s of structs) {
      if (s instanceof Y.Item && s.id.clock + s.length > Y.getState(doc.store, s.id.client)) fresh.add(s.id.client);
    }
    const unknown = [...fresh].filter((c) => !owners.has(c));
    if (unknown.length) for (const [c, m] of await deps.store.vision.clientOwners(deps.workshopId, unknown)) owners.set(c, m);
    for (const c of fresh) {
      const owner = owners.get(c);
      if (owner !== undefined && owner !== peer.memberId) return refuse('client-id');
    }
    const me = who(peer);
    const audit: NewAuditEntry[] = [];
    const setting = settingsWrite(doc, update);
    if (setting.touched && !me.facilitator) return refuse('settings');
    if (setting.required !== null && setting.required !== suggestionsRequired(doc)) {
      audit.push({ workshopId: deps.workshopId, at: deps.now().toISOString(), actorId: me.memberId, type: 'vision.suggestions_required', data: { required: setting.required } });
    }
    const forged = forgedSuggestion(doc, structs, me);
    if (forged) return refuse(forged);
    if (!suggestionsRequired(doc)) suggestions.drop();
    else if (!me.facilitator) {
      const judged = suggestions.check(doc, update, me);
      if ('refused' in judged) return refuse(judged.refused);
      const broken = await resolutionRefusal(judged.resolutions, me.memberId, async (clients) => {
        const unknownWriters = clients.filter((c) => !owners.has(c));
        if (unknownWriters.length) for (const [c, m] of await deps.store.vision.clientOwners(deps.workshopId, unknownWriters)) owners.set(c, m);
        return owners;
      });
      if (broken) {
        suggestions.drop();
        return refuse(broken);
      }
    }
    // The first member to write with an id claims it (the attribution recorder stores the claim).
    for (const c of fresh) if (!owners.has(c)) owners.set(c, peer.memberId);
    return { audit, edits: [] };
  };
}
