/**
 * Member credentials (issue #14): a member holds several, one per device or sign-in, plus at most
 * one re-entry secret. Each is a 256-bit token stored as its SHA-256, stops working after
 * `idleDays` without use, and is refused at once when revoked or its member removed. A credential
 * of a member merged into another acts as that other member (the alias).
 */
import type { CredentialKind, CredentialRecord, MemberRecord, Store } from '../store/types.js';
import { hashToken, newId, newToken } from './tokens.js';

/** `last_used_at` is written at most this often per credential, not on every request. */
const TOUCH_EVERY_MS = 3_600_000;

export interface Session {
  member: MemberRecord;
  credential: CredentialRecord;
}

export interface Sessions {
  /** Makes a new credential for the member inside `tx` (the caller's transaction); answers the secret. */
  open(tx: Store, member: MemberRecord, kind?: CredentialKind): Promise<string>;
  /** The live session a secret stands for, or null (unknown, revoked, idle too long, member removed). */
  resolve(token: string, kind?: CredentialKind): Promise<Session | null>;
  /**
   * Why a secret that `resolve` refused stops working, when its holder may be told: `member_removed`
   * when it is (or was, before being revoked with it) a credential of a member a facilitator
   * removed. Null for anything else, unknown secrets included.
   */
  refusal(token: string, kind?: CredentialKind): Promise<'member_removed' | null>;
}

export function createSessions(deps: { store: Store; idleDays: number; now?: () => Date; onTouchError?: (err: unknown) => void }): Sessions {
  const { store } = deps;
  const now = deps.now ?? (() => new Date());
  const idleMs = deps.idleDays * 86_400_000;
  return {
    async open(tx, member, kind = 'session') {
      const token = newToken();
      const at = now().toISOString();
      await tx.credentials.add({ id: newId(), workshopId: member.workshopId, memberId: member.id, kind, tokenHash: hashToken(token), createdAt: at, lastUsedAt: at, revokedAt: null });
      return token;
    },
    async resolve(token, kind = 'session') {
      if (token.length === 0 || token.length > 200) return null;
      const found = await store.credentials.find(hashToken(token), kind);
      if (!found) return null;
      const t = now().getTime();
      if (t - Date.parse(found.credential.lastUsedAt) > idleMs) return null;
      let member = found.member;
      if (member.mergedInto) {
        const into = await store.workshops.member(member.workshopId, member.mergedInto);
        if (!into) return null;
        member = into;
      }
      if (member.removedAt) return null;
      if (t - Date.parse(found.credential.lastUsedAt) > TOUCH_EVERY_MS) {
        store.credentials.touch(found.credential.id, new Date(t).toISOString()).catch((err: unknown) => deps.onTouchError?.(err));
      }
      return { member, credential: found.credential };
    },
    async refusal(token, kind = 'session') {
      if (token.length === 0 || token.length > 200) return null;
      const found = await store.credentials.find(hashToken(token), kind, true);
      if (!found) return null;
      const member = found.member.mergedInto ? await store.workshops.member(found.member.workshopId, found.member.mergedInto) : found.member;
      return member?.removedAt ? 'member_removed' : null;
    },
  };
}
