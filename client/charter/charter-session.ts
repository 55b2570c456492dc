/**
 * Everything the charter views need, built once per open charter and shared by them: the typed
 * document of the `<id>/charter` room, who I am, whether I may write, the origin of my writes
 * and the organisations with their colours. Views never open connections themselves.
 *
 * Deleting goes through `remove`: a facilitator's deletion is a moderation the server performs
 * and audits (`content.remove`); anyone else's (and a facilitator's while the live connection is
 * down) is an ordinary edit of the shared document. A refusal by the server (a closed principle
 * is frozen) rejects; it never falls back to an edit.
 */
import type { MemberDto, OrganisationDto, WorkshopDto } from '../../shared/api.js';
import { CharterDoc } from '../../shared/charter/charter-doc.js';
import { migrateCharter } from '../../shared/charter/migrations.js';
import { newElementId } from '../../shared/ids.js';
import { organisationColors, type OrgColor } from '../ui/org-colors.js';
import type { CommandPayload } from '../../shared/realtime/index.js';
import { CommandError } from '../net/command-error.js';
import type { RoomConnection } from '../net/room-connection.js';
import type { WorkshopSocket } from '../net/workshop-socket.js';
import { LastEdits } from '../net/last-edits.js';
import { onDocChange } from '../../shared/sync/doc-change.js';

export type CharterCollection = Extract<CommandPayload<'content.remove'>, { room: 'charter' }>['collection'];

export interface CharterSession {
  readonly workshopId: string;
  readonly charter: CharterDoc;
  readonly conn: RoomConnection;
  readonly me: MemberDto;
  /** Observers read only; the server drops their writes anyway. */
  readonly readOnly: boolean;
  /**
   * Whether I may change an organisation's self-assessment (maturity, paradox positions): its own
   * members and the facilitators; the server refuses anyone else (issue #13).
   */
  mayAssess(organisationId: string): boolean;
  readonly origin: object;
  readonly organisations: OrganisationDto[];
  colorOf(organisationId: string | null): OrgColor;
  orgName(organisationId: string | null): string;
  remove(collection: CharterCollection, id: string): Promise<void>;
  /** Who last changed each entry (`<collection>/<key>`), as the server recorded it. */
  readonly edits: LastEdits;
  /** Called after every change of the document, local or remote. */
  onChange(fn: () => void): () => void;
  destroy(): void;
}

/** The charter on `conn` (a lease from the workshop's rooms); the session gives it back on `destroy()`. */
export function createCharterSession(conn: RoomConnection, workshop: WorkshopDto, socket: () => WorkshopSocket | null): CharterSession {
  const { me, organisations } = workshop;
  const room = conn.room;
  const charter = new CharterDoc(conn.doc, newElementId);
  const origin = { local: me.id };
  const readOnly = me.role === 'observer';
  const colors = organisationColors(organisations);
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((fn) => fn());
  // Views that show "changed by" lines follow the records themselves (LastEditsWatcher).
  const edits = new LastEdits(room.slice(0, room.indexOf('/')), 'charter', organisations);
  const onUpdate = () => {
    notify();
    edits.changed();
  };
  const offDoc = onDocChange(conn.doc, onUpdate);
  if (!readOnly) void conn.ready.then(() => migrateCharter(conn.doc, origin));
  return {
    workshopId: room.slice(0, room.indexOf('/')),
    charter,
    conn,
    me,
    readOnly,
    mayAssess: (organisationId) => !readOnly && (me.role === 'facilitator' || me.organisationId === organisationId),
    origin,
    organisations,
    edits,
    colorOf: (id) => colors.get(id ?? '') ?? colors.get('')!,
    orgName: (id) => organisations.find((o) => o.id === id)?.name ?? '',
    async remove(collection, id) {
      const live = socket();
      if (me.role === 'facilitator' && live?.link === 'online') {
        try {
          await live.command('content.remove', { room: 'charter', collection, id });
          return;
        } catch (err) {
          // The server refused (a closed principle is frozen): that answer stands.
          if (!(err instanceof CommandError) || err.code !== 'network_error') throw err;
          // Not through the server this time: an ordinary edit still removes it.
        }
      }
      charter.remove(collection, id, origin);
    },
    onChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    destroy() {
      edits.destroy();
      offDoc();
      listeners.clear();
      conn.destroy();
    },
  };
}
