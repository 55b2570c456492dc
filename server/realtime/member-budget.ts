/**
 * The socket.io command budget is per member, shared by all of the member's sockets on this
 * instance: more sockets do not buy more commands. A member's bucket outlives their last socket
 * until it would have refilled, so disconnecting and reconnecting does not reset it either.
 */
import { TokenBucket } from '../util/token-bucket.js';

interface Held {
  bucket: TokenBucket;
  sockets: number;
  forget: NodeJS.Timeout | null;
}

export class MemberBudgets {
  private readonly held = new Map<string, Held>();

  constructor(private readonly rate: { perSecond: number; burst: number }) {}

  /** The member's shared bucket, for one more socket; pair with `release` on disconnect. */
  acquire(memberId: string): TokenBucket {
    let h = this.held.get(memberId);
    if (!h) this.held.set(memberId, (h = { bucket: new TokenBucket(this.rate.perSecond, this.rate.burst), sockets: 0, forget: null }));
    if (h.forget) clearTimeout(h.forget);
    h.forget = null;
    h.sockets++;
    return h.bucket;
  }

  release(memberId: string): void {
    const h = this.held.get(memberId);
    if (!h || --h.sockets > 0) return;
    const refillMs = (this.rate.burst / this.rate.perSecond) * 1000;
    h.forget = setTimeout(() => this.held.delete(memberId), refillMs);
    h.forget.unref();
  }

  /** Members with a bucket (tests). */
  get size(): number {
    return this.held.size;
  }

  close(): void {
    for (const h of this.held.values()) if (h.forget) clearTimeout(h.forget);
    this.held.clear();
  }
}
