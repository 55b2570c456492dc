/**
 * The report's methods in the export model (issue #17): benefits map, roadmap (now, next,
 * later), the service inventory with its overlaps, and the life event, every organisation
 * named. Kept apart from charter-model.ts so that file stays about the rest of the charter.
 */
import type { CharterDoc } from '../../shared/charter/charter-doc.js';
import { ROADMAP_HORIZONS, serviceOverlaps, type ServiceEntry } from '../../shared/charter/charter-methods.js';
import type { CharterExport } from '../../shared/export/charter-export.js';
import { oneLine, plain } from './plain-text.js';

type Methods = Pick<CharterExport, 'benefits' | 'roadmap' | 'services' | 'serviceOverlaps' | 'lifeEvent'>;

/** `org`: the workshop's organisations by id (names already one line). */
export function methodsModel(charter: CharterDoc, org: ReadonlyMap<string, string>): Methods {
  // An organisation no longer in the workshop reads as none, like a service of someone not at the table.
  const orgOf = (s: ServiceEntry) => (s.organisationId && org.has(s.organisationId) ? s.organisationId : null);
  const services = charter.services();
  const roadmap = charter.roadmap();
  const life = charter.lifeEvent();
  const lifeEvent = { name: oneLine(life.name), owner: oneLine(life.owner), scope: plain(life.scope), mandate: plain(life.mandate), funding: plain(life.funding) };
  return {
    benefits: charter.benefits().map((b) => ({ what: plain(b.what), payer: oneLine(b.payer), gainer: oneLine(b.gainer), when: oneLine(b.when), amount: b.amount })),
    roadmap: ROADMAP_HORIZONS.flatMap((h) => roadmap.filter((r) => r.horizon === h).map((r) => ({ text: plain(r.text), horizon: h, owner: oneLine(r.owner) }))),
    services: services.map((s) => ({ name: oneLine(s.name), targetGroup: oneLine(s.targetGroup), theme: oneLine(s.theme), organisationId: orgOf(s), organisation: org.get(orgOf(s) ?? '') ?? null })),
    serviceOverlaps: serviceOverlaps(services.map((s) => ({ ...s, organisationId: orgOf(s) ?? '' }))).map((group) => ({
      targetGroup: oneLine(group[0]!.targetGroup),
      theme: oneLine(group[0]!.theme),
      services: group.map((s) => ({ name: oneLine(s.name), organisation: org.get(s.organisationId) ?? null })),
    })),
    lifeEvent: Object.values(lifeEvent).some((v) => v.trim()) ? lifeEvent : null,
  };
}
