/** Shapes of identifiers and room names. Pure, isomorphic. */

/** Ids are 16 url-safe characters (96 random bits). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{16}$/;

export type RoomPart = { kind: 'vision' } | { kind: 'charter' } | { kind: 'board'; boardId: string };
export interface RoomRef {
  workshopId: string;
  part: RoomPart;
}

/** `<workshopId>/vision`, `<workshopId>/charter`, `<workshopId>/board/<boardId>`. */
export function formatRoom(ref: RoomRef): string {
  const { workshopId, part } = ref;
  return part.kind === 'board' ? `${workshopId}/board/${part.boardId}` : `${workshopId}/${part.kind}`;
}

/** Parses a room name; returns null for anything that is not exactly one of the three shapes. */
export function parseRoom(name: string): RoomRef | null {
  const segments = name.split('/');
  const [workshopId, kind, boardId] = segments;
  if (workshopId === undefined || !ID_PATTERN.test(workshopId)) return null;
  if (segments.length === 2 && (kind === 'vision' || kind === 'charter')) {
    return { workshopId, part: { kind } };
  }
  if (segments.length === 3 && kind === 'board' && boardId !== undefined && ID_PATTERN.test(boardId)) {
    return { workshopId, part: { kind: 'board', boardId } };
  }
  return null;
}

/** A fresh id for an entry of a shared document (board element, charter row): 16 url-safe characters. */
export function newElementId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}
