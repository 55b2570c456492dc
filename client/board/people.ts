/**
 * Who wrote a board element and who last changed it, for the outline and the canvas: the author
 * by the member record of `authorId` (an element's own name fields are display caches), and the
 * last editor from the server's records (client/net/last-edits.ts).
 */
import type { OrganisationDto } from '../../shared/api.js';
import type { BoardElement } from '../../shared/board/schema.js';
import { LastEdits, type Person } from '../net/last-edits.js';

export type { Person } from '../net/last-edits.js';

export class BoardPeople extends LastEdits {
  constructor(workshopId: string, boardId: string, organisations: readonly OrganisationDto[]) {
    super(workshopId, `board/${boardId}`, organisations);
  }

  /** The author, by the member record of `authorId`; until the members load, the element's caches. */
  author(e: BoardElement): Person {
    const m = this.members.get(e.author.id);
    return { name: m?.displayName ?? e.author.name, organisation: this.orgName(e.author.organisationId) ?? e.author.organisationName };
  }

  /** The last editor when it is someone other than the author (null: none recorded, or the author). */
  editor(e: BoardElement): Person | null {
    const ed = this.last(e.id);
    return ed && ed.memberId !== e.author.id ? ed : null;
  }
}
