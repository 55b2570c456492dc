/**
 * No member crowds others out of the sync endpoint (issue #12, finding 8): a member holds at most
 * SYNC_MAX_CONNECTIONS_PER_MEMBER connections (past it their oldest closes with the transient
 * 4509), and observers fill at most half of SYNC_MAX_CLIENTS_PER_ROOM. Stock providers act as
 * the hostile member.
 */
import { describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { CloseCode } from '../shared/errors.js';
import { fixture } from './helpers/api.js';
import { startServer } from './helpers/server.js';
import { closedFor, provider, RawClient, synced, until } from './helpers/sync.js';

// Each stock provider adds a process 'exit' listener; 40 of them are the point here.
process.setMaxListeners(64);

describe('connections per member', () => {
  it('40 connections of one member: the oldest 8 close with 4509, the newest 32 work', async () => {
    const s = await startServer();
    const providers: WebsocketProvider[] = [];
    try {
      const f = await fixture(s.base);
      const codes: (number | null)[] = [];
      for (let i = 0; i < 40; i++) {
        const p = provider(s.wsBase, i % 2 ? f.charter : f.board, f.participantA);
        codes.push(null);
        // Record the first close and stay closed, so the test sees the cap's choice, not reconnects.
        p.on('connection-close', (e: CloseEvent | null) => {
          codes[i] ??= e?.code ?? -1;
          p.shouldConnect = false;
        });
        providers.push(p);
        await synced(p);
      }
      await until(() => codes.filter((c) => c !== null).length >= 8, 5000, 'eight closes');
      expect(codes.slice(0, 8)).toEqual(Array(8).fill(CloseCode.superseded));
      expect(codes.slice(8).every((c) => c === null)).toBe(true);
      // The newest work: an edit on the newest charter connection reaches another member.
      const other = provider(s.wsBase, f.charter, f.participantB);
      await synced(other);
      providers.at(-1)!.doc.getText('t').insert(0, 'from the newest tab');
      await until(() => other.doc.getText('t').toString() === 'from the newest tab', 5000, 'the edit relayed');
      other.destroy();
    } finally {
      providers.forEach((p) => p.destroy());
      await s.stop();
      s.cleanup();
    }
  });
});

describe('observers fill at most half of a room', () => {
  it('refuses the observer past half with 4429 and still lets the facilitator in', async () => {
    const s = await startServer({ SYNC_MAX_CLIENTS_PER_ROOM: '4' });
    const raws: RawClient[] = [];
    try {
      const f = await fixture(s.base);
      const url = `${s.wsBase}/${f.charter}?token=${encodeURIComponent(f.observer)}`;
      for (let i = 0; i < 4; i++) {
        const c = new RawClient(url);
        raws.push(c);
        await Promise.race([c.opened.then(() => until(() => c.messages.length > 0 || c.closeCode !== null)), c.closed]);
      }
      await until(() => raws.slice(2).every((c) => c.closeCode !== null), 5000, 'observers refused');
      expect(raws.map((c) => c.closeCode)).toEqual([null, null, CloseCode.roomFull, CloseCode.roomFull]);
      const facilitator = provider(s.wsBase, f.charter, f.facilitator);
      const participant = provider(s.wsBase, f.charter, f.participantA);
      await Promise.all([synced(facilitator), synced(participant)]);
      // Full now: even a participant is refused past the whole cap.
      const late = provider(s.wsBase, f.charter, f.participantB);
      expect((await closedFor(late)).code).toBe(CloseCode.roomFull);
      [facilitator, participant, late].forEach((p) => p.destroy());
    } finally {
      raws.forEach((c) => c.close());
      await s.stop();
      s.cleanup();
    }
  });
});
