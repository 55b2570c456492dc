/**
 * Who may hold how many sync connections on this instance, so no member can crowd out others:
 * - a member (the authenticated member id) holds at most `maxPerMember` connections; a newer one
 *   past it closes the member's oldest with 4509 (transient), so a person with many tabs is never
 *   locked out, only their least recent tab reconnects;
 * - observers fill at most half of a room (`maxPerRoom / 2`); participants and facilitators are
 *   let in up to the full cap, which the endpoint checks.
 * Per instance: with REDIS_URL a member may hold `maxPerMember` connections on each instance.
 */
import type { Role } from '../../shared/api.js';

export interface Admitted {
  readonly memberId: string;
  close(code: number, reason: string): void;
}

export class Admission<C extends Admitted> {
  /** Each member's connections, oldest first (a Set keeps insertion order). */
  private readonly byMember = new Map<string, Set<C>>();
  /** Observer connections per room name. */
  private readonly observers = new Map<string, number>();

  constructor(private readonly limits: { maxPerMember: number; maxPerRoom: number }) {}

  /** False when observers already hold half of the room. */
  admitsObserver(room: string): boolean {
    return (this.observers.get(room) ?? 0) < this.limits.maxPerRoom / 2;
  }

  /** Counts an attached connection; returns the member's oldest ones now past the cap. */
  add(conn: C, room: string, role: Role): C[] {
    if (role === 'observer') this.observers.set(room, (this.observers.get(room) ?? 0) + 1);
    let mine = this.byMember.get(conn.memberId);
    if (!mine) this.byMember.set(conn.memberId, (mine = new Set()));
    mine.add(conn);
    const excess: C[] = [];
    for (const c of mine) {
      if (mine.size - excess.length <= this.limits.maxPerMember) break;
      excess.push(c);
    }
    return excess;
  }

  /** Forgets a closed connection (once; a second call changes nothing). */
  remove(conn: C, room: string, role: Role): void {
    const mine = this.byMember.get(conn.memberId);
    if (!mine?.delete(conn)) return;
    if (mine.size === 0) this.byMember.delete(conn.memberId);
    if (role !== 'observer') return;
    const n = (this.observers.get(room) ?? 1) - 1;
    if (n > 0) this.observers.set(room, n);
    else this.observers.delete(room);
  }
}
