/**
 * New ids for an imported workshop. Ids are 16 random characters, so every occurrence of an old
 * one, in a database cell, a JSON text, a Yjs map key or string value, is that id and nothing
 * else: replacing occurrences is exact. Yjs documents are rewritten in place (moved values are
 * cloned), so the vision keeps its history and milestones still render.
 */
import * as Y from 'yjs';
import type { BackupCell, BackupRows } from '../store/backup-tables.js';

export class IdRemap {
  private readonly pattern: RegExp | null;

  constructor(readonly map: ReadonlyMap<string, string>) {
    const ids = [...map.keys()].map((id) => id.replace(/[-]/g, '\\-'));
    this.pattern = ids.length ? new RegExp(ids.join('|'), 'g') : null;
  }

  text(s: string): string {
    return this.pattern ? s.replace(this.pattern, (old) => this.map.get(old)!) : s;
  }

  rows(rows: BackupRows): BackupRows {
    const cell = (v: BackupCell): BackupCell => (typeof v === 'string' ? this.text(v) : v);
    return Object.fromEntries(Object.entries(rows).map(([table, list]) => [table, list.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, cell(v)])))]));
  }

  /**
   * Rewrites keys and string values in the named top-level maps of `doc` (recursively), in one
   * transaction. Only maps are named: text and XML types hold no ids and are left alone.
   */
  doc(doc: Y.Doc, maps: readonly string[]): void {
    doc.transact(() => {
      for (const name of maps) this.map_(doc.getMap(name));
    }, 'import');
  }

  private value(v: unknown): unknown {
    if (typeof v === 'string') return this.text(v);
    if (Array.isArray(v)) return v.map((x) => this.value(x));
    if (v !== null && typeof v === 'object' && !(v instanceof Uint8Array) && !(v instanceof Y.AbstractType)) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [this.text(k), this.value(x)]));
    }
    return v;
  }

  private map_(m: Y.Map<unknown>): void {
    for (const [key, v] of [...m.entries()]) {
      const newKey = this.text(key);
      if (v instanceof Y.Map) this.map_(v);
      else if (v instanceof Y.Array) this.array(v);
      if (newKey !== key) {
        // Clone before deleting: a deleted type's content is gone.
        const moved = v instanceof Y.AbstractType ? v.clone() : this.value(v);
        m.delete(key);
        m.set(newKey, moved);
      } else if (!(v instanceof Y.AbstractType)) {
        const nv = this.value(v);
        if (JSON.stringify(nv) !== JSON.stringify(v)) m.set(key, nv);
      }
    }
  }

  private array(a: Y.Array<unknown>): void {
    a.forEach((v, i) => {
      if (v instanceof Y.Map) this.map_(v);
      else if (v instanceof Y.Array) this.array(v);
      else {
        const nv = this.value(v);
        if (JSON.stringify(nv) !== JSON.stringify(v)) {
          a.delete(i, 1);
          a.insert(i, [nv]);
        }
      }
    });
  }
}
