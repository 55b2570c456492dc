/**
 * A stand-in for the server's validation of updates (4422 `update refused: <rule>`), until it
 * lands for boards and the charter: the real sync endpoint, with one room's `submit` wrapped.
 */
import { CloseCode } from '../../shared/errors.js';
import type { TestServer } from './harness.js';

/**
 * From now on `server` refuses every update `memberId` sends to `roomName` that holds `marker`
 * (as text; every update for ''), closing that connection as the validation would. Returns the
 * way back.
 */
export function refuseUpdatesWith(server: TestServer, roomName: string, memberId: string, rule: string, marker: string): () => void {
  const room = server.app.registry.rooms().find((r) => r.name === roomName);
  if (!room) throw new Error(`${roomName} is not loaded`);
  const submit = room.submit.bind(room);
  const bytes = Buffer.from(marker, 'utf8');
  room.submit = (peer, update) => {
    if (peer.memberId === memberId && Buffer.from(update).includes(bytes)) peer.fail(CloseCode.updateRefused, `update refused: ${rule}`);
    else submit(peer, update);
  };
  return () => void (room.submit = submit);
}

/**
 * Until the returned function is called, `server` answers a newcomer's sync step 1 in `roomName`
 * with its own step 1 instead of step 2: the newcomer never gets the server's copy (never synced).
 */
export function holdSync(server: TestServer, roomName: string): () => void {
  const room = server.app.registry.rooms().find((r) => r.name === roomName);
  if (!room) throw new Error(`${roomName} is not loaded`);
  const answer = room.answerStep1.bind(room);
  room.answerStep1 = () => room.step1();
  return () => void (room.answerStep1 = answer);
}
