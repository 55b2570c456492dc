/**
 * The workshop's room registry: one connection per room however many views hold it, closed with
 * the last lease, and carried over to the fresh connection when the server refused an update.
 * The connections here are stand-ins that only count opens and destroys: the registry's
 * bookkeeping is what is under test (the browser tests run it on real rooms).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ConnectionStatus, OpenRoomOptions, RoomConnection } from './room-connection.js';
import { RoomRegistry } from './rooms.js';

interface Fake extends RoomConnection {
  destroyed: boolean;
  replaceWith(next: Fake): void;
  opts: OpenRoomOptions;
}

function fakes() {
  const opened: Fake[] = [];
  const open = (room: string, opts: OpenRoomOptions): Fake => {
    const replaced = new Set<(next: RoomConnection) => void>();
    const status: ConnectionStatus = { state: 'synced', unsent: 0, closeCode: null };
    const conn: Fake = {
      room,
      opts,
      doc: new Y.Doc(),
      awareness: null as never,
      ready: Promise.resolve(),
      synced: Promise.resolve(),
      status: () => status,
      onStatus: () => () => undefined,
      onReplaced(fn) {
        replaced.add(fn);
        return () => replaced.delete(fn);
      },
      destroyed: false,
      destroy() {
        conn.destroyed = true;
      },
      replaceWith(next) {
        [...replaced].forEach((fn) => fn(next));
      },
    };
    opened.push(conn);
    return conn;
  };
  return { opened, open };
}

describe('RoomRegistry', () => {
  it('opens a room once for every holder, as its member, and closes it with the last', () => {
    const { opened, open } = fakes();
    const rooms = new RoomRegistry('member-1', open);
    const a = rooms.open('w/board/b', { doc: { gc: false } });
    const b = rooms.open('w/board/b');
    expect(opened).toHaveLength(1);
    expect(opened[0]!.opts).toEqual({ memberId: 'member-1', doc: { gc: false } });
    expect(a.doc).toBe(b.doc);
    expect(rooms.holders('w/board/b')).toBe(2);
    a.destroy();
    a.destroy(); // giving a lease back twice counts once
    expect(rooms.holders('w/board/b')).toBe(1);
    expect(opened[0]!.destroyed).toBe(false);
    b.destroy();
    expect(opened[0]!.destroyed).toBe(true);
    expect(rooms.holders('w/board/b')).toBe(0);
    rooms.open('w/board/b');
    expect(opened).toHaveLength(2);
  });

  it('hands the fresh connection to whoever rebuilds on it, keeping their reference', () => {
    const { opened, open } = fakes();
    const rooms = new RoomRegistry('m', open);
    const page = rooms.open('w/charter');
    const dialog = rooms.open('w/charter'); // does not rebuild: keeps the old copy until given back
    let rebuilt: RoomConnection | null = null;
    page.onReplaced((next) => {
      page.destroy(); // a view destroys its old session: the spent lease gives nothing back
      rebuilt = next;
    });
    const fresh = open('w/charter', { memberId: 'm' });
    opened[0]!.replaceWith(fresh);
    expect(rebuilt!.doc).toBe(fresh.doc);
    expect(rooms.holders('w/charter')).toBe(2);
    dialog.destroy();
    expect(fresh.destroyed).toBe(false);
    rebuilt!.destroy();
    expect(fresh.destroyed).toBe(true);
    // A later holder shares the fresh connection, not the refused one.
    const later = rooms.open('w/charter');
    expect(opened).toHaveLength(3);
    later.destroy();
  });

  it('closes every room when the workshop page goes, and opens none after', () => {
    const { opened, open } = fakes();
    const rooms = new RoomRegistry('m', open);
    rooms.open('w/vision');
    rooms.open('w/charter');
    rooms.close();
    expect(opened.every((c) => c.destroyed)).toBe(true);
    expect(() => rooms.open('w/vision')).toThrow(/closed/);
  });
});
