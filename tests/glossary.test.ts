/**
 * Issue #17: one glossary for the app and the exports. The export labels name every term the
 * app names exactly as the glossary does, in nn, nb and en; and no part of the app keeps its own
 * copy of a glossary term in its message tables (a copy is how the words drifted apart before).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportLabels } from '../server/export/labels.js';
import {
  ACTOR_KIND_WORDS,
  BODY_RULE_WORDS,
  GENERATION_WORDS,
  PARADOX_WORDS,
  RELATION_KIND_WORDS,
  RESPONSIBILITY_WORDS,
  ROADMAP_HORIZON_WORDS,
  STANCE_WORDS,
  STATUS_WORDS,
  TERMS,
  type Words,
} from '../shared/glossary.js';
import { templates as nbFirst } from '../client/locales/nb.js';
import { templates as nnFirst } from '../client/locales/nn.js';
import { templates as nbLater } from '../client/locales/later/nb.js';
import { templates as nnLater } from '../client/locales/later/nn.js';

const LANGS = ['nn', 'nb', 'en'] as const;
const root = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'locales' ? [] : sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

const everyWord: Words[] = [
  ...Object.entries(TERMS).filter(([k]) => k !== 'actorName').map(([, v]) => v),
  ...Object.values(ACTOR_KIND_WORDS),
  ...Object.values(RELATION_KIND_WORDS),
  ...Object.values(BODY_RULE_WORDS),
  ...Object.values(RESPONSIBILITY_WORDS),
  ...Object.values(STANCE_WORDS),
  ...Object.values(STATUS_WORDS),
  ...Object.values(ROADMAP_HORIZON_WORDS),
  ...Object.values(PARADOX_WORDS).flatMap((p) => [p.name, p.low, p.high]),
  ...Object.values(GENERATION_WORDS).map((g) => g.short),
];

describe('one glossary', () => {
  it.each(LANGS)('%s: the export labels are the glossary terms', (lang) => {
    const l = exportLabels[lang];
    const pairs: Array<[string, string]> = [
      [l.decisionRule, TERMS.decisionRule[lang]],
      [l.share, TERMS.share[lang]],
      [l.milestones, TERMS.milestones[lang]],
      [l.organisation, TERMS.organisation[lang]],
      [l.maturity, TERMS.maturity[lang]],
      [l.paradoxes, TERMS.paradoxes[lang]],
      [l.justification, TERMS.justification[lang]],
      [l.members, TERMS.memberOrganisations[lang]],
      [l.stances.object!, STANCE_WORDS.object[lang]],
      [l.actorKinds.company!, ACTOR_KIND_WORDS.company[lang]],
      [l.actorKinds.shared_platform!, ACTOR_KIND_WORDS.shared_platform[lang]],
      [l.rules.lead_decides!, BODY_RULE_WORDS.lead_decides[lang]],
      [l.statuses.open!, STATUS_WORDS.open[lang]],
      [l.axes.local_vs_central![1], PARADOX_WORDS.local_vs_central.high[lang]],
      [l.benefitsMap, TERMS.benefitsMap[lang]],
      [l.payer, TERMS.payer[lang]],
      [l.roadmap, TERMS.roadmap[lang]],
      [l.horizons.later!, ROADMAP_HORIZON_WORDS.later[lang]],
      [l.serviceOverlap, TERMS.serviceOverlap[lang]],
      [l.targetGroup, TERMS.targetGroup[lang]],
      [l.lifeEvent, TERMS.lifeEvent[lang]],
      [l.scope, TERMS.scope[lang]],
    ];
    for (const [exported, glossary] of pairs) expect(exported).toBe(glossary);
  });

  it('says in Nynorsk what the app says (the words the export used to get wrong)', () => {
    const l = exportLabels.nn;
    expect([l.decisionRule, l.stances.object, l.share, l.milestones, l.actorKinds.company]).toEqual(['Avgjerdsregel', 'Har innvending', 'Del (%)', 'Milepælar', 'Bedrift']);
    expect(exportLabels.en.axes.local_vs_central).toEqual(['Local solutions and collaboration', 'Centralised initiatives and solutions']);
  });

  it('no message of the app is a private copy of a glossary term', () => {
    const english = new Set(everyWord.map((x) => x.en));
    // The same word for another thing: the vision journey's "Next" step is no roadmap horizon.
    const homonyms = new Set(['vision_journey_next']);
    const call = /msg\(\s*'((?:[^'\\]|\\.)*)'\s*,\s*\{\s*id:\s*'([a-z0-9_]+)'/g;
    const copies: string[] = [];
    for (const file of sources(path.join(root, 'client'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(call)) if (english.has(m[1]!) && !homonyms.has(m[2]!)) copies.push(`${path.relative(root, file)}: ${m[2]} '${m[1]}'`);
    }
    expect(copies).toEqual([]);
    const local = new Set(everyWord.flatMap((x) => [x.nn, x.nb]));
    const tables = { ...nnFirst, ...nnLater, ...nbFirst, ...nbLater } as Record<string, unknown>;
    const copied = Object.entries(tables).filter(([id, v]) => typeof v === 'string' && local.has(v) && !['Type', 'Kommune', 'Mandat'].includes(v) && !homonyms.has(id));
    expect(copied.map(([id]) => id)).toEqual([]);
  });
});
