/**
 * A refused update (sync close codes 4422 and 4414, both final): what the client tells the page.
 * `room-connection.ts` drops the room's local copy, opens it afresh and announces the refusal as
 * a window event, so one notice (`sk-refused-notice`) serves every part of the workshop.
 */
import { CloseCode } from '../../shared/errors.js';
import type { Unconfirmed } from './unconfirmed.js';

export const UPDATE_REFUSED_EVENT = 'sk-update-refused';
declare global {
  interface WindowEventMap {
    [UPDATE_REFUSED_EVENT]: CustomEvent<Refusal>;
  }
}

export interface Refusal {
  room: string;
  code: number;
  /**
   * The rule the server named (`update refused: <rule>`); for 4414 the cap: `too-long` (the
   * vision's characters), `doc-full` (the document's stored size), `board-full` (elements).
   */
  rule: string | null;
  /** What the local copy held that the server does not, once the fresh copy has synced. */
  lost: Promise<Unconfirmed>;
}

export const isRefusal = (code: number): boolean => code === CloseCode.updateRefused || code === CloseCode.documentTooLong;

const REASON = /^update refused:\s*(\S.*)$/;

/** The rule named by a close reason. */
const CAPS: Record<string, string> = { 'document too large': 'doc-full', 'too many elements': 'board-full' };

export function refusedRule(code: number, reason: string): string | null {
  if (code === CloseCode.documentTooLong) return CAPS[reason.trim()] ?? 'too-long';
  return REASON.exec(reason.trim())?.[1]?.trim() ?? null;
}

export function announceRefusal(r: Refusal): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent<Refusal>(UPDATE_REFUSED_EVENT, { detail: r }));
}
