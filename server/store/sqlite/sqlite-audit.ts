import type Database from 'better-sqlite3';
import { auditHash, GENESIS_HASH } from '../audit-hash.js';
import { generateAuditKeyPair, signHead, type AuditKeyPair } from '../audit-sign.js';
import type { AuditEntry, AuditRepo, NewAuditEntry } from '../types.js';
import type { Runner } from './sqlite-store.js';
import { statement } from './statements.js';

interface AuditRow {
  workshop_id: string;
  seq: number;
  at: string;
  actor_id: string | null;
  type: string;
  data: string;
  prev_hash: string;
  hash: string;
  signature: string | null;
}

export class SqliteAuditRepo implements AuditRepo {
  constructor(private readonly run: Runner) {}

  append(e: NewAuditEntry): Promise<AuditEntry> {
    return this.run((db) =>
      db.transaction((): AuditEntry => {
        const last = statement(db, 'SELECT seq, hash FROM audit WHERE workshop_id = ? ORDER BY seq DESC LIMIT 1').get(e.workshopId) as { seq: number; hash: string } | undefined;
        const seq = (last?.seq ?? 0) + 1;
        const prevHash = last?.hash ?? GENESIS_HASH;
        const hash = auditHash(prevHash, e, seq);
        const signature = signHead(keyPair(db).privateKey, { workshopId: e.workshopId, seq, hash });
        statement(db, 'INSERT INTO audit (workshop_id, seq, at, actor_id, type, data, prev_hash, hash, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
          e.workshopId, seq, e.at, e.actorId, e.type, JSON.stringify(e.data), prevHash, hash, signature,
        );
        return { ...e, seq, prevHash, hash, signature };
      })(),
    );
  }

  countSince(workshopId: string, since: string, exceptActor: string): Promise<number> {
    return this.run(
      (db) => (statement(db, 'SELECT COUNT(*) AS n FROM audit WHERE workshop_id = ? AND at > ? AND (actor_id IS NULL OR actor_id <> ?)').get(workshopId, since, exceptActor) as { n: number }).n,
    );
  }

  list(workshopId: string): Promise<AuditEntry[]> {
    return this.run((db) =>
      (statement(db, 'SELECT * FROM audit WHERE workshop_id = ? ORDER BY seq').all(workshopId) as AuditRow[]).map((r) => ({
        seq: r.seq,
        workshopId: r.workshop_id,
        at: r.at,
        actorId: r.actor_id,
        type: r.type,
        data: JSON.parse(r.data) as Record<string, unknown>,
        prevHash: r.prev_hash,
        hash: r.hash,
        ...(r.signature ? { signature: r.signature } : {}),
      })),
    );
  }

  publicKey(): Promise<string> {
    return this.run((db) => keyPair(db).publicKey);
  }
}

/** The store's key pair; the first caller makes it. INSERT OR IGNORE, then read back: with several processes on one file, the first insert wins. */
function keyPair(db: Database.Database): AuditKeyPair {
  const read = () => statement(db, 'SELECT public_key AS publicKey, private_key AS privateKey FROM audit_keys WHERE id = 1').get() as AuditKeyPair | undefined;
  const found = read();
  if (found) return found;
  const made = generateAuditKeyPair();
  statement(db, 'INSERT OR IGNORE INTO audit_keys (id, public_key, private_key, created_at) VALUES (1, ?, ?, ?)').run(made.publicKey, made.privateKey, new Date().toISOString());
  return read()!;
}
