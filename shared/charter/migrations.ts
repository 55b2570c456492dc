/** Named migrations of the charter document; each runs once, in order, in one transaction. */
import type * as Y from 'yjs';
import { CHARTER_SCHEMA_VERSION, CharterKey } from './schema.js';

interface Migration {
  name: string;
  to: number;
  run(doc: Y.Doc): void;
}

const migrations: Migration[] = [
  // v1 is the first shape: nothing to transform, only the version to record.
  { name: '001_initial', to: 1, run: () => {} },
  // v2 adds fields and collections that readers of v1 never see: a maturity entry's `target`
  // and `alsoOn`, `paradoxTargets`, the report's methods (benefits, roadmap, services, lifeEvent),
  // an actor's `organisationId` and where an imported entry came from (`source*`). Nothing to transform; the version tells a v1 client
  // that the document holds what it cannot show (issue #17).
  { name: '002_targets_and_more_steps', to: 2, run: () => {} },
  // v3 (issue #17): a funding line may name a participating organisation (`organisationId`).
  // Additive: nothing to transform, and an older client reads such a line and ignores the field.
  { name: '003_funding_organisation', to: 3, run: () => {} },
];

/** Brings a charter document up to CHARTER_SCHEMA_VERSION; returns the names of the migrations run. */
export function migrateCharter(doc: Y.Doc, origin: unknown): string[] {
  const meta = doc.getMap<unknown>(CharterKey.meta);
  const raw = meta.get(CharterKey.schemaVersion);
  const current = typeof raw === 'number' ? raw : 0;
  const due = migrations.filter((m) => m.to > current && m.to <= CHARTER_SCHEMA_VERSION);
  if (due.length === 0) return [];
  doc.transact(() => {
    for (const m of due) m.run(doc);
    meta.set(CharterKey.schemaVersion, CHARTER_SCHEMA_VERSION);
  }, origin);
  return due.map((m) => m.name);
}
