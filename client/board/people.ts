/**
 * Who wrote a board element and who last changed it, for the outline and the canvas: names come
 * from member records (an element's own name fields are display caches any writer could fill),
 * and the last editor from the server's records of authenticated connections
 * (`GET /api/workshops/:id/changes?room=board/<id>`). Refreshed after the board changes, at most
 * every two seconds; until the first answer, the caches stand in.
 */
import type { MemberDto, OrganisationDto } from '../../shared/api.js';
import type { BoardElement } from '../../shared/board/schema.js';
import { api } from '../app/api.js';

export interface Person {
  name: string;
  organisation: string | null;
}

const REFRESH_MS = 2_000;

export class BoardPeople {
  private members = new Map<string, MemberDto>();
  private editors = new Map<string, { memberId: string; organisationId: string | null }>();
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;
  /** Bumped whenever names or editors change (renderers key their caches on it). */
  version = 0;

  constructor(
    private readonly workshopId: string,
    private readonly boardId: string,
    private readonly organisations: readonly OrganisationDto[],
  ) {
    void this.load(true);
  }

  /** The author, by the member record of `authorId`. */
  author(e: BoardElement): Person {
    const m = this.members.get(e.author.id);
    return { name: m?.displayName ?? e.author.name, organisation: this.orgName(e.author.organisationId) ?? e.author.organisationName };
  }

  /** The last editor when it is someone other than the author (null: none recorded, or the author). */
  editor(e: BoardElement): Person | null {
    const ed = this.editors.get(e.id);
    if (!ed || ed.memberId === e.author.id) return null;
    return { name: this.members.get(ed.memberId)?.displayName ?? '?', organisation: this.orgName(ed.organisationId) };
  }

  /** The board changed: ask again soon (a burst of edits is one request). */
  changed(): void {
    if (this.timer || this.destroyed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.load(false);
    }, REFRESH_MS);
  }

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  destroy(): void {
    this.destroyed = true;
    if (this.timer) clearTimeout(this.timer);
    this.listeners.clear();
  }

  private orgName(id: string | null): string | null {
    return id ? (this.organisations.find((o) => o.id === id)?.name ?? null) : null;
  }

  private async load(withMembers: boolean): Promise<void> {
    try {
      const [members, changes] = await Promise.all([withMembers || this.members.size === 0 ? api.members(this.workshopId) : null, api.changes(this.workshopId, `board/${this.boardId}`)]);
      if (this.destroyed) return;
      if (members) this.members = new Map(members.map((m) => [m.id, m]));
      this.editors = new Map(changes.map((c) => [c.key, { memberId: c.memberId, organisationId: c.organisationId }]));
      // A member seen in a record but not in the list joined since: fetch the list again next time.
      if ([...this.editors.values()].some((ed) => !this.members.has(ed.memberId))) this.members.clear();
      this.version++;
      for (const fn of this.listeners) fn();
    } catch {
      // Offline or refused: the caches in the elements stand in; the next change asks again.
    }
  }
}
