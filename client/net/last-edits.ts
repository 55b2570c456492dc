/**
 * Who last changed each entry of a shared document, as the server recorded it from authenticated
 * connections (`GET /api/workshops/:id/changes?room=…`), with names from member records (names
 * written into documents are display caches any writer could fill). Refreshed after the document
 * changes, at most every two seconds; offline, the last answer stands.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MemberDto, OrganisationDto } from '../../shared/api.js';
import { api } from './api.js';

export interface Person {
  name: string;
  organisation: string | null;
}

export interface LastEdit extends Person {
  memberId: string;
  organisationId: string | null;
  at: string;
}

const REFRESH_MS = 2_000;

export class LastEdits {
  protected members = new Map<string, MemberDto>();
  private records = new Map<string, { memberId: string; organisationId: string | null; at: string }>();
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;
  /** Bumped whenever names or records change (renderers key their caches on it). */
  version = 0;

  constructor(
    private readonly workshopId: string,
    /** `charter` or `board/<boardId>`. */
    private readonly room: string,
    protected readonly organisations: readonly OrganisationDto[],
  ) {
    globalThis.addEventListener?.('online', this.onOnline);
    void this.load(true);
  }

  /** Back online: catch up with what changed meanwhile. */
  private readonly onOnline = () => this.changed();

  /** Who last changed `key`, or null when nothing is recorded. */
  last(key: string): LastEdit | null {
    const r = this.records.get(key);
    return r ? { memberId: r.memberId, organisationId: r.organisationId, at: r.at, ...this.person(r.memberId, r.organisationId) } : null;
  }

  /** Every record, newest first. */
  all(): Array<LastEdit & { key: string }> {
    return [...this.records.keys()].map((key) => ({ key, ...this.last(key)! })).sort((a, b) => b.at.localeCompare(a.at));
  }

  /** True once the server has answered at least once. */
  get loaded(): boolean {
    return this.version > 0;
  }

  /** A member by record: their name now, and the organisation they acted for. */
  person(memberId: string, organisationId: string | null, fallbackName = '?'): Person {
    return { name: this.members.get(memberId)?.displayName ?? fallbackName, organisation: this.orgName(organisationId) };
  }

  /**
   * A member named in a document (a comment's author, who resolved a thread): when the list does
   * not know them (they joined since it came), it is fetched again soon, once per member.
   */
  met(memberId: string): void {
    if (!this.loaded || this.members.has(memberId) || this.asked.has(memberId)) return;
    this.asked.add(memberId);
    this.members.clear();
    this.changed();
  }
  private readonly asked = new Set<string>();

  /** The document changed: ask again soon (a burst of edits is one request). */
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
    globalThis.removeEventListener?.('online', this.onOnline);
    if (this.timer) clearTimeout(this.timer);
    this.listeners.clear();
  }

  protected orgName(id: string | null): string | null {
    return id ? (this.organisations.find((o) => o.id === id)?.name ?? null) : null;
  }

  private async load(withMembers: boolean): Promise<void> {
    // Offline, a request could only fail (and log): wait for the 'online' event.
    if (globalThis.navigator?.onLine === false) return;
    try {
      const [members, changes] = await Promise.all([withMembers || this.members.size === 0 ? api.members(this.workshopId) : null, api.changes(this.workshopId, this.room)]);
      if (this.destroyed) return;
      if (members) this.members = new Map(members.map((m) => [m.id, m]));
      this.records = new Map(changes.map((c) => [c.key, { memberId: c.memberId, organisationId: c.organisationId, at: c.at }]));
      // A member seen in a record but not in the list joined since: fetch the list again next time.
      if ([...this.records.values()].some((r) => !this.members.has(r.memberId))) this.members.clear();
      this.version++;
      for (const fn of this.listeners) fn();
    } catch {
      // Offline or refused: what was shown stays; the next change asks again.
    }
  }
}

/**
 * Re-renders a host that shows "changed by" lines when the records change, and only that host
 * (a whole view re-rendering under an open dialog would reset what the person is choosing).
 */
export class LastEditsWatcher implements ReactiveController {
  private watched: LastEdits | null = null;
  private off: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly get: () => LastEdits | null | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.follow();
  }

  hostUpdate(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.off?.();
    this.off = null;
    this.watched = null;
  }

  private follow(): void {
    const next = this.get() ?? null;
    if (next === this.watched) return;
    this.off?.();
    this.watched = next;
    this.off = next?.onChange(() => this.host.requestUpdate()) ?? null;
  }
}
