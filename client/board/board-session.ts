/**
 * Everything a board view needs, built once per open board and shared by the canvas, the outline
 * and the toolbar: the typed document, who I am, whether I may write, my undo history and
 * presence. Views never open connections themselves.
 */
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { OrganisationDto, Role, WorkshopDto } from '../../shared/api.js';
import { BoardDoc } from '../../shared/board/board-doc.js';
import { migrateBoard } from '../../shared/board/migrations.js';
import { newElementId } from '../../shared/ids.js';
import type { Author, BoardElement } from '../../shared/board/schema.js';
import type { RoomConnection } from '../net/room-connection.js';
import { organisationColors, type OrgColor } from '../ui/org-colors.js';
import type { BoardPeople } from './people.js';

export interface BoardSession {
  readonly board: BoardDoc;
  readonly conn: RoomConnection;
  readonly awareness: Awareness;
  readonly me: Author & { role: Role };
  /**
   * Observers, and participants while a facilitator has locked the board: no editing controls;
   * the server drops their writes anyway. Read at use, since a lock comes and goes.
   */
  readonly readOnly: boolean;
  /**
   * Whether I may change this element: not read-only, and while the workshop protects each
   * organisation's content, the element is my organisation's, names none, or I facilitate. The
   * board's writes skip the others (the server would refuse them).
   */
  mayChange(e: BoardElement): boolean;
  /** The origin of every local write; the undo manager tracks only this one. */
  readonly origin: object;
  readonly undo: Y.UndoManager;
  readonly organisations: OrganisationDto[];
  colorOf(organisationId: string | null): OrgColor;
  /** Names of authors and last editors from member records (null: the elements' caches). */
  readonly people: BoardPeople | null;
  destroy(): void;
}


/** Who I am on a board: my member id and name, my organisation, my role. */
export function boardAuthor(w: WorkshopDto): Author & { role: Role } {
  const org = w.organisations.find((o) => o.id === w.me.organisationId) ?? null;
  return { id: w.me.id, name: w.me.displayName, organisationId: org?.id ?? null, organisationName: org?.name ?? null, role: w.me.role };
}

export function createBoardSession(
  conn: RoomConnection,
  me: Author & { role: Role },
  organisations: OrganisationDto[],
  locked: () => boolean = () => false,
  protect: () => boolean = () => false,
  people: BoardPeople | null = null,
): BoardSession {
  const mayChange = (e: BoardElement) => {
    const owner = e.author.organisationId;
    return me.role === 'facilitator' || !protect() || owner === null || owner === me.organisationId;
  };
  const board = new BoardDoc(conn.doc, newElementId, mayChange);
  const origin = { local: me.id };
  const undo = new Y.UndoManager(board.elements, { trackedOrigins: new Set([origin]), captureTimeout: 400 });
  const colors = organisationColors(organisations);
  const observer = me.role === 'observer';
  if (!observer) void conn.ready.then(() => migrateBoard(conn.doc, origin));
  const onChanged = () => people?.changed();
  board.elements.observeDeep(onChanged);
  return {
    board,
    conn,
    awareness: conn.awareness,
    me,
    get readOnly() {
      return observer || (me.role !== 'facilitator' && locked());
    },
    mayChange: (e) => !(observer || (me.role !== 'facilitator' && locked())) && mayChange(e),
    origin,
    undo,
    organisations,
    colorOf: (id) => colors.get(id ?? '') ?? colors.get('')!,
    people,
    destroy() {
      board.elements.unobserveDeep(onChanged);
      people?.destroy();
      undo.destroy();
      conn.destroy();
    },
  };
}
