/** A round's stored tally (imported rounds carry it instead of votes), read back for `results`. */
import { VoteTally } from '../../shared/export/backup-rows.js';

export function parseTally(json: string): VoteTally {
  return VoteTally.parse(JSON.parse(json));
}
