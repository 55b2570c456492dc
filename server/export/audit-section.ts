/** The charter's closing verification block: chain head, signature, the key's fingerprint, imported chains' provenance. */
import type { Block, CharterExport } from '../../shared/export/charter-export.js';
import type { DocNode } from './charter-layout.js';
import type { ExportLabels } from './labels.js';
import { plain } from './plain-text.js';

const p = (text: string): Block => ({ type: 'paragraph', content: [{ text: plain(text) }] });
const h2 = (text: string): Block => ({ type: 'heading', level: 2, content: [{ text: plain(text) }] });

export function auditSection(a: CharterExport['audit'], L: ExportLabels): DocNode[] {
  const out: DocNode[] = [h2(L.verification), p(L.verificationText(a.entries, a.verified)), p(`${L.headHash}:`), { type: 'mono', text: a.headHash }];
  out.push(p(L.signatureText(a.signed, a.signatureVerified)), p(`${L.keyFingerprint}:`), { type: 'mono', text: a.fingerprint });
  if (a.imported.length) {
    out.push(p(`${L.importedChains}:`), {
      type: 'list',
      ordered: false,
      items: a.imported.map((c) => [p(`${c.workshopId} (${c.entries}) — ${L.provenance(c.fingerprint)}`)]),
    });
  }
  return out;
}
