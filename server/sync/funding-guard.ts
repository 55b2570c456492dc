/**
 * A charter funding line's figures and organisation, checked per update (issue #17): an amount
 * or share the app writes is a number in range, so one that is not (text such as "1 500 000 kr"
 * from an old or hand-made client) would read as no amount and vanish from every export. It is
 * refused instead (`funding-field`), as is a line naming an organisation that is not one of the
 * workshop's (`funding-organisation`). A field being removed is always fine.
 */
import { CF, CharterLimits } from '../../shared/charter/schema.js';
import type { Touch } from './touched.js';

const inRange = (v: unknown, max: number) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= max;

export async function fundingRefusal(t: Touch, organisations: () => Promise<ReadonlySet<string>>): Promise<string | null> {
  if (t.kind === 'delete') return null;
  const amount = t.fields.get(CF.amount);
  const share = t.fields.get(CF.share);
  if ((amount !== undefined && !inRange(amount, CharterLimits.amountMax)) || (share !== undefined && !inRange(share, 100))) return 'funding-field';
  const org = t.fields.get(CF.organisationId);
  if (org !== undefined && (typeof org !== 'string' || !(await organisations()).has(org))) return 'funding-organisation';
  return null;
}
