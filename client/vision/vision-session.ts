/**
 * Everything the vision views share, built once per open vision: the room (with gc off, so
 * snapshots can show deleted text), who I am, whether I may write, colours and names of members
 * and organisations, and the server's record of authorship. Views never open connections.
 */
import type { MemberDto, OrganisationDto, Role, WorkshopDto } from '../../shared/api.js';
import { visionFragment } from '../../shared/vision/schema.js';
import { api } from '../net/api.js';
import { organisationColors, type OrgColor } from '../ui/org-colors.js';
import type { RoomConnection } from '../net/room-connection.js';
import { clampToDoc, createAuthorship, type Authorship } from './attribution.js';
import type * as Y from 'yjs';

/** Used when the workshop does not say (an answer cached before the cap existed). */
export const DEFAULT_VISION_MAX_CHARS = 200_000;

export interface MemberInfo {
  id: string | null;
  name: string;
  organisationId: string | null;
  organisationName: string | null;
  color: OrgColor;
}

export interface VisionSession {
  readonly workshopId: string;
  readonly conn: RoomConnection;
  readonly doc: Y.Doc;
  /** Read only after `conn.ready`: touching the document's types earlier makes an empty IndexedDB copy look loaded. */
  readonly fragment: Y.XmlFragment;
  readonly me: { id: string; name: string; organisationId: string | null; organisationName: string | null; role: Role };
  readonly readOnly: boolean;
  readonly facilitator: boolean;
  readonly maxChars: number;
  readonly organisations: OrganisationDto[];
  /** The language the vision is written in (for `lang` and spell-checking). */
  readonly language: string;
  /** Origin of comment writes (the editor's own writes use y-prosemirror's origin). */
  readonly origin: object;
  colorOf(organisationId: string | null): OrgColor;
  /** A member by id; unknown or null ids (e.g. the server's template) come back as "unknown". */
  member(id: string | null): MemberInfo;
  setMembers(members: MemberDto[]): void;
  /** The server's record of who wrote and deleted what, fetched now. */
  loadAuthorship(): Promise<Authorship>;
  destroy(): void;
}

/**
 * The vision on `conn`: a lease on `<id>/vision` from the workshop's rooms, opened with
 * `VISION_DOC_OPTIONS` (gc off); the session gives it back on `destroy()`.
 */
export function createVisionSession(conn: RoomConnection, w: WorkshopDto, members: MemberDto[], unknownName: () => string): VisionSession {
  const colors = organisationColors(w.organisations);
  const colorOf = (id: string | null) => colors.get(id ?? '') ?? colors.get('')!;
  const orgName = (id: string | null) => w.organisations.find((o) => o.id === id)?.name ?? null;
  const myOrg = w.organisations.find((o) => o.id === w.me.organisationId) ?? null;
  let byId = new Map<string, MemberDto>();
  const setMembers = (list: MemberDto[]) => {
    byId = new Map(list.map((m) => [m.id, m]));
    byId.set(w.me.id, w.me);
  };
  setMembers(members);
  return {
    workshopId: w.id,
    conn,
    doc: conn.doc,
    get fragment() {
      return visionFragment(conn.doc);
    },
    me: { id: w.me.id, name: w.me.displayName, organisationId: myOrg?.id ?? null, organisationName: myOrg?.name ?? null, role: w.me.role },
    readOnly: w.me.role === 'observer',
    facilitator: w.me.role === 'facilitator',
    maxChars: w.limits?.visionMaxChars ?? DEFAULT_VISION_MAX_CHARS,
    organisations: w.organisations,
    language: w.language,
    origin: { local: w.me.id },
    colorOf,
    member(id) {
      const m = id ? byId.get(id) : undefined;
      if (!m) return { id, name: unknownName(), organisationId: null, organisationName: null, color: colorOf(null) };
      return { id: m.id, name: m.displayName, organisationId: m.organisationId, organisationName: orgName(m.organisationId), color: colorOf(m.organisationId) };
    },
    setMembers,
    async loadAuthorship() {
      const dto = await api.visionAuthors(w.id);
      return clampToDoc(createAuthorship(dto, new Map([[conn.doc.clientID, w.me.id]])), conn.doc);
    },
    destroy: () => conn.destroy(),
  };
}
