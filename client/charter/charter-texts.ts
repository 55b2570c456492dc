/**
 * Names of the charter's fixed vocabularies (actor kinds, relations, rules, responsibilities,
 * stances, statuses) from the glossary (shared/glossary.ts, which the exports read too), and the
 * "changed by" line; functions, so every call reads the active locale.
 */
import { msg, str } from '@lit/localize';
import { formatLocales } from '../ui/i18n.js';
import { words } from '../ui/vocabulary.js';
import { ACTOR_KIND_WORDS, BODY_RULE_WORDS, RELATION_KIND_WORDS, RESPONSIBILITY_WORDS, ROADMAP_HORIZON_WORDS, STANCE_WORDS, STATUS_WORDS } from '../../shared/glossary.js';
import { html, nothing } from 'lit';
import type { LastEdit } from '../net/last-edits.js';
import type { ActorKind, BodyRule, RelationKind, Responsibility } from '../../shared/charter/schema.js';
import type { RoadmapHorizon } from '../../shared/charter/charter-methods.js';
import type { PrincipleStatus, Stance } from '../../shared/decision-rule.js';

export const actorKindName = (k: ActorKind): string => words(ACTOR_KIND_WORDS[k]);
export const relationKindName = (k: RelationKind): string => words(RELATION_KIND_WORDS[k]);
export const bodyRuleName = (r: BodyRule): string => words(BODY_RULE_WORDS[r]);
export const responsibilityName = (r: Responsibility | null): string => (r ? words(RESPONSIBILITY_WORDS[r]) : msg('No role', { id: 'charter_resp_none' }));
export const stanceName = (s: Stance | null): string => (s ? words(STANCE_WORDS[s]) : msg('No answer yet', { id: 'charter_stance_none' }));
export const statusName = (s: PrincipleStatus): string => words(STATUS_WORDS[s]);
export const horizonName = (h: RoadmapHorizon): string => words(ROADMAP_HORIZON_WORDS[h]);

/** "Changed by Nora Nav, Nav, 3 Dec 2026, 14:02": who last changed a charter entry, as the server recorded it. */
/** A date and time as the charter's "changed by" lines and since box say it. */
export const formatChangedAt = (iso: string) => new Intl.DateTimeFormat(formatLocales(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

export function lastChangeText(e: LastEdit): string {
  const when = formatChangedAt(e.at);
  return e.organisation
    ? msg(str`Changed by ${e.name}, ${e.organisation}, ${when}`, { id: 'charter_changed_by' })
    : msg(str`Changed by ${e.name}, ${when}`, { id: 'charter_changed_by_no_org' });
}

/** The "changed by" line under an entry's name, or nothing when no change is recorded. */
export const lastChangeLine = (e: LastEdit | null) => (e ? html`<span class="changed">${lastChangeText(e)}</span>` : nothing);
