/** Words of the exported documents in the three languages (the app's own texts live in client/). */
import type { Language } from '../../shared/api.js';
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
  wordsIn,
} from '../../shared/glossary.js';

export interface ExportLabels {
  charter: string;
  exported: string;
  organisations: string;
  vision: string;
  actorMap: string;
  actor: string;
  kind: string;
  role: string;
  needs: string;
  requirements: string;
  gains: string;
  relations: string;
  from: string;
  to: string;
  relation: string;
  note: string;
  maturity: string;
  organisation: string;
  generation: string;
  today: string;
  wantsToBe: string;
  alsoStandsOn: string;
  partnershipTarget: string;
  gapToTarget: string;
  /** An organisation's distance to the partnership's target and the pole it must move towards. */
  gap: (distance: number, pole: string) => string;
  atTarget: string;
  /** After an actor's name: the participating organisation it is. */
  atTable: (organisation: string) => string;
  /** Step `g` of the staircase in a few words (the glossary's). */
  generationNames: Record<string, string>;
  /** The report's sentence for each paradox axis. */
  axisReport: Record<string, string>;
  justification: string;
  paradoxes: string;
  position: string;
  governance: string;
  bodies: string;
  body: string;
  mandate: string;
  members: string;
  chair: string;
  decisionRule: string;
  rhythm: string;
  escalation: string;
  funding: string;
  who: string;
  amount: string;
  share: string;
  total: string;
  whoDecides: string;
  decision: string;
  principles: string;
  agreedPrinciples: string;
  status: string;
  stance: string;
  person: string;
  time: string;
  reason: string;
  textHash: string;
  noStances: string;
  /** A closed, agreed principle: who adopted it (a list joined with `and`) and when. */
  adoptedBy: (names: string, date: string) => string;
  closedWithout: (names: string, date: string) => string;
  /** A retired principle: when, by whom and why. */
  retired: (date: string, by: string, reason: string) => string;
  /** After a self-assessment someone outside the organisation changed last. */
  changedBy: (who: string, date: string) => string;
  /** An adopted principle replaced by an agreed amendment (`which`: its number and first line). */
  supersededBy: (which: string) => string;
  /** An amendment: the principle it would replace. */
  amends: (which: string) => string;
  /** A proposal whose draft was deleted from the charter. */
  removed: string;
  /** An open proposal: the organisations whose stance counts, fixed when it was proposed. */
  boundOpen: (names: string) => string;
  joinedLater: string;
  notYetJoined: (names: string) => string;
  /** Issue #14: which organisations endorsed, and which of those anchored their endorsement. */
  endorsedSummary: (endorsed: string, anchored: string) => string;
  /** After a stance's name in the table: its organisation's leadership confirmed it. */
  anchoredMark: string;
  anchoring: string;
  /** One organisation's anchor: who confirmed it, their role, the date, the reference, who recorded it. */
  anchorLine: (org: string, who: string, role: string, date: string, reference: string | null, by: string, at: string) => string;
  /** Who took the stance as the organisation's representative, who invited them and who named them (with which confirmation). */
  representativeLine: (org: string, person: string, invitedBy: string | null, namedBy: string | null, confirmation: string | null) => string;
  and: string;
  /** The cover (issue #17): the milestone the organisations endorsed, and when it was saved. */
  visionCover: (milestone: string, date: string) => string;
  visionChanged: string;
  visionUnchanged: string;
  visionNotEndorsed: string;
  /** An organisation without a stance on the cover's milestone: its stance on another one. */
  visionElsewhere: (org: string, stance: string, milestone: string, date: string) => string;
  /** Organisations that have taken no stance on any milestone. */
  visionNoStance: (names: string) => string;
  milestones: string;
  savedBy: string;
  verification: string;
  verificationText: (entries: number, verified: boolean) => string;
  headHash: string;
  signatureText: (signed: boolean, verified: boolean) => string;
  keyFingerprint: string;
  importedChains: string;
  /** `provenance: <fingerprint>`, or unverified when null. */
  provenance: (fingerprint: string | null) => string;
  none: string;
  board: string;
  actorKinds: Record<string, string>;
  relationKinds: Record<string, string>;
  axes: Record<string, [string, string]>;
  rules: Record<string, string>;
  stances: Record<string, string>;
  statuses: Record<string, string>;
  responsibilities: Record<string, string>;
  // The report's methods (issue #17), glossary terms but the last two.
  name: string;
  benefitsMap: string;
  benefit: string;
  payer: string;
  gainer: string;
  when: string;
  roadmap: string;
  horizon: string;
  initiative: string;
  owner: string;
  horizons: Record<string, string>;
  serviceOverlap: string;
  service: string;
  targetGroup: string;
  theme: string;
  overlaps: string;
  lifeEvent: string;
  scope: string;
  /** Under the services table when no two organisations serve the same target group on the same theme. */
  noOverlaps: string;
  /** An overlap: the target group and theme the services share. */
  overlapOn: (targetGroup: string, theme: string) => string;
}

/** The labels that name what the app names too: from the glossary, never written here. */
function fromGlossary(lang: Language) {
  const t = wordsIn(TERMS, lang);
  return {
    organisation: t.organisation,
    actorMap: t.actorMap,
    kind: t.kind,
    role: t.role,
    needs: t.needs,
    requirements: t.requirements,
    gains: t.gains,
    relations: t.relations,
    relation: t.relation,
    from: t.fromActor,
    to: t.toActor,
    note: t.note,
    maturity: t.maturity,
    generation: t.generation,
    today: t.today,
    wantsToBe: t.wantsToBe,
    alsoStandsOn: t.alsoStandsOn,
    partnershipTarget: t.partnershipTarget,
    gapToTarget: t.gapToTarget,
    generationNames: Object.fromEntries(Object.entries(GENERATION_WORDS).map(([g, x]) => [g, x.short[lang]])),
    axisReport: Object.fromEntries(Object.entries(PARADOX_WORDS).map(([axis, p]) => [axis, p.report[lang]])),
    justification: t.justification,
    paradoxes: t.paradoxes,
    governance: t.governance,
    bodies: t.bodies,
    mandate: t.mandate,
    members: t.memberOrganisations,
    chair: t.chair,
    decisionRule: t.decisionRule,
    rhythm: t.rhythm,
    escalation: t.escalation,
    funding: t.funding,
    who: t.who,
    amount: t.amount,
    share: t.share,
    total: t.total,
    whoDecides: t.whoDecides,
    decision: t.decision,
    principles: t.principles,
    milestones: t.milestones,
    actorKinds: wordsIn(ACTOR_KIND_WORDS, lang),
    relationKinds: wordsIn(RELATION_KIND_WORDS, lang),
    axes: Object.fromEntries(Object.entries(PARADOX_WORDS).map(([axis, p]) => [axis, [p.low[lang], p.high[lang]]])) as Record<string, [string, string]>,
    rules: wordsIn(BODY_RULE_WORDS, lang),
    stances: wordsIn(STANCE_WORDS, lang),
    statuses: wordsIn(STATUS_WORDS, lang),
    responsibilities: wordsIn(RESPONSIBILITY_WORDS, lang),
    name: t.actorName,
    benefitsMap: t.benefitsMap,
    benefit: t.benefit,
    payer: t.payer,
    gainer: t.gainer,
    when: t.when,
    roadmap: t.roadmap,
    horizon: t.horizon,
    initiative: t.initiative,
    owner: t.owner,
    horizons: wordsIn(ROADMAP_HORIZON_WORDS, lang),
    serviceOverlap: t.serviceOverlap,
    service: t.service,
    targetGroup: t.targetGroup,
    theme: t.theme,
    overlaps: t.overlaps,
    lifeEvent: t.lifeEvent,
    scope: t.scope,
  } satisfies Partial<ExportLabels>;
}

const en: ExportLabels = {
  gap: (d, pole) => `${d} towards ${pole}`,
  atTarget: 'At the target',
  atTable: (o) => `at the table as ${o}`,
  charter: 'Charter',
  exported: 'Exported',
  organisations: 'Participating organisations',
  vision: 'Shared vision',
  actor: 'Actor',
  position: 'Position (0–100)',
  body: 'Body',
  agreedPrinciples: 'Agreed principles',
  status: 'Status',
  stance: 'Stance',
  person: 'Person',
  time: 'Time',
  reason: 'Reason',
  textHash: 'SHA-256 of the endorsed text',
  noStances: 'No organisation has taken a stance yet.',
  adoptedBy: (names, date) => `Adopted by ${names} on ${date}.`,
  closedWithout: (names, date) => `Closed without agreement on ${date}; it was put to ${names}.`,
  retired: (date, by, reason) => `RETIRED on ${date} by ${by}. Reason: ${reason}`,
  changedBy: (who, date) => `changed by ${who} on ${date}`,
  supersededBy: (which) => `Superseded by the agreed amendment ${which}.`,
  amends: (which) => `Amendment of principle ${which}.`,
  removed: 'DELETED from the charter; only the record of its proposal is left (see the audit log).',
  boundOpen: (names) => `Organisations whose stance counts (fixed when proposed): ${names}.`,
  joinedLater: 'Joined after the fact',
  notYetJoined: (names) => `Not yet joined: ${names}.`,
  endorsedSummary: (e, a) => `Endorsed: ${e}. Endorsed and anchored: ${a}.`,
  anchoredMark: 'anchored',
  anchoring: 'Anchoring and representatives',
  anchorLine: (org, who, role, date, ref, by, at) => `${org}: anchored — confirmed by ${who} (${role}) on ${date}${ref ? `; reference: ${ref}` : ''}; recorded by ${by}, ${at}.`,
  representativeLine: (org, person, inv, named, conf) =>
    `${org}: stance taken by ${person}, representative${inv ? `, invited by ${inv}` : ''}${named ? `, named by ${named}` : ', not named by anyone (its first member, or the role passed on)'}${conf ? ` with the organisation’s confirmation: ${conf}` : ''}.`,
  and: 'and',
  visionCover: (m, date) => `The shared vision as the organisations endorsed it: the milestone “${m}”, saved ${date}.`,
  visionChanged: 'The shared vision has been changed since this milestone: the text under “Shared vision” below is the current one, not the endorsed one.',
  visionUnchanged: 'The text under “Shared vision” below is the endorsed one: unchanged since this milestone.',
  visionNotEndorsed: 'No organisation has endorsed the shared vision (a milestone of it) yet.',
  visionElsewhere: (org, stance, m, date) => `${org}: ${stance}, on the milestone “${m}” (${date}).`,
  visionNoStance: (names) => `No stance on the shared vision yet: ${names}.`,
  savedBy: 'saved by',
  verification: 'Verification',
  verificationText: (n, ok) =>
    `This record is backed by an audit log of ${n} entries${ok ? ', whose hash chain verified at export' : ', whose hash chain did NOT verify at export'}. Compare the head hash below with the server's.`,
  headHash: 'Audit chain head hash',
  signatureText: (signed, ok) =>
    !signed ? 'The head of the chain is not signed (it predates signing).' : ok ? "The head of the chain is signed with the server's Ed25519 key; the signature verified at export." : "The head of the chain carries a signature that did NOT verify with the server's key.",
  keyFingerprint: "Fingerprint of the server's signing key (SHA-256)",
  importedChains: 'Imported audit chains',
  provenance: (fp) => (fp ? `provenance: ${fp}` : 'unverified'),
  none: '—',
  board: 'Board',
  noOverlaps: 'No two organisations offer a service to the same target group on the same theme.',
  overlapOn: (group, theme) => `${group}, ${theme}`,
  ...fromGlossary('en'),
};

const nb: ExportLabels = {
  ...en,
  gap: (d, pole) => `${d} mot ${pole}`,
  atTarget: 'På målet',
  atTable: (o) => `ved bordet som ${o}`,
  charter: 'Samarbeidsavtale',
  exported: 'Eksportert',
  organisations: 'Deltakende virksomheter',
  vision: 'Drømmebildet',
  actor: 'Aktør',
  position: 'Posisjon (0–100)',
  body: 'Organ',
  agreedPrinciples: 'Vedtatte prinsipper',
  status: 'Status',
  stance: 'Standpunkt',
  person: 'Person',
  time: 'Tidspunkt',
  reason: 'Begrunnelse',
  textHash: 'SHA-256 av teksten virksomhetene sluttet seg til',
  noStances: 'Ingen virksomhet har tatt standpunkt ennå.',
  adoptedBy: (names, date) => `Vedtatt av ${names} ${date}.`,
  closedWithout: (names, date) => `Lukket uten enighet ${date}; lagt fram for ${names}.`,
  retired: (date, by, reason) => `TRUKKET TILBAKE ${date} av ${by}. Grunn: ${reason}`,
  changedBy: (who, date) => `endret av ${who} ${date}`,
  supersededBy: (which) => `Erstattet av den vedtatte endringen ${which}.`,
  amends: (which) => `Endring av prinsipp ${which}.`,
  removed: 'SLETTET fra avtalen; bare opplysningene om forslaget er igjen (se revisjonsloggen).',
  boundOpen: (names) => `Virksomheter som teller (fastsatt da det ble lagt fram): ${names}.`,
  joinedLater: 'Sluttet seg til i etterkant',
  notYetJoined: (names) => `Har ikke sluttet seg til ennå: ${names}.`,
  endorsedSummary: (e, a) => `Sluttet seg til: ${e}. Sluttet seg til og forankret: ${a}.`,
  anchoredMark: 'forankret',
  anchoring: 'Forankring og representanter',
  anchorLine: (org, who, role, date, ref, by, at) => `${org}: forankret — bekreftet av ${who} (${role}) ${date}${ref ? `; referanse: ${ref}` : ''}; registrert av ${by}, ${at}.`,
  representativeLine: (org, person, inv, named, conf) =>
    `${org}: standpunkt tatt av ${person}, representant${inv ? `, invitert av ${inv}` : ''}${named ? `, utpekt av ${named}` : ', ikke utpekt av noen (første medlem, eller rollen gikk videre)'}${conf ? ` med virksomhetens bekreftelse: ${conf}` : ''}.`,
  and: 'og',
  visionCover: (m, date) => `Drømmebildet slik virksomhetene sluttet seg til det: milepælen «${m}», lagret ${date}.`,
  visionChanged: 'Drømmebildet er endret etter denne milepælen: teksten under «Drømmebildet» nedenfor er den gjeldende, ikke den virksomhetene sluttet seg til.',
  visionUnchanged: 'Teksten under «Drømmebildet» nedenfor er den virksomhetene sluttet seg til: uendret siden denne milepælen.',
  visionNotEndorsed: 'Ingen virksomhet har sluttet seg til drømmebildet (en milepæl av det) ennå.',
  visionElsewhere: (org, stance, m, date) => `${org}: ${stance}, til milepælen «${m}» (${date}).`,
  visionNoStance: (names) => `Ikke tatt standpunkt til drømmebildet ennå: ${names}.`,
  savedBy: 'lagret av',
  verification: 'Kontroll',
  verificationText: (n, ok) =>
    `Dette dokumentet bygger på en revisjonslogg med ${n} oppføringer${ok ? ', der hash-kjeden var gyldig ved eksport' : ', der hash-kjeden IKKE var gyldig ved eksport'}. Sammenlign hash-verdien nedenfor med serverens.`,
  headHash: 'Siste hash i revisjonsloggen',
  signatureText: (signed, ok) =>
    !signed ? 'Siste oppføring i loggen er ikke signert (den er eldre enn signeringen).' : ok ? 'Siste oppføring i loggen er signert med serverens Ed25519-nøkkel; signaturen var gyldig ved eksport.' : 'Siste oppføring i loggen har en signatur som IKKE var gyldig med serverens nøkkel.',
  keyFingerprint: 'Fingeravtrykk for serverens signeringsnøkkel (SHA-256)',
  importedChains: 'Importerte revisjonslogger',
  provenance: (fp) => (fp ? `opphav: ${fp}` : 'ikke verifisert'),
  board: 'Tavle',
  noOverlaps: 'Ingen to virksomheter tilbyr en tjeneste til samme målgruppe innen samme tema.',
  ...fromGlossary('nb'),
};

const nn: ExportLabels = {
  ...nb,
  organisations: 'Deltakande verksemder',
  vision: 'Draumebiletet',
  agreedPrinciples: 'Vedtekne prinsipp',
  stance: 'Standpunkt',
  textHash: 'SHA-256 av teksten verksemdene slutta seg til',
  noStances: 'Inga verksemd har teke standpunkt enno.',
  adoptedBy: (names, date) => `Vedteke av ${names} ${date}.`,
  closedWithout: (names, date) => `Lukka utan semje ${date}; lagt fram for ${names}.`,
  retired: (date, by, reason) => `TREKT ATTENDE ${date} av ${by}. Grunn: ${reason}`,
  changedBy: (who, date) => `endra av ${who} ${date}`,
  supersededBy: (which) => `Erstatta av den vedtekne endringa ${which}.`,
  amends: (which) => `Endring av prinsipp ${which}.`,
  removed: 'SLETTA frå avtalen; berre opplysningane om framlegget er att (sjå revisjonsloggen).',
  boundOpen: (names) => `Verksemder som tel (fastsett då det vart lagt fram): ${names}.`,
  joinedLater: 'Slutta seg til i etterkant',
  notYetJoined: (names) => `Har ikkje slutta seg til enno: ${names}.`,
  endorsedSummary: (e, a) => `Slutta seg til: ${e}. Slutta seg til og forankra: ${a}.`,
  anchoredMark: 'forankra',
  anchoring: 'Forankring og representantar',
  anchorLine: (org, who, role, date, ref, by, at) => `${org}: forankra — stadfesta av ${who} (${role}) ${date}${ref ? `; referanse: ${ref}` : ''}; registrert av ${by}, ${at}.`,
  representativeLine: (org, person, inv, named, conf) =>
    `${org}: standpunkt teke av ${person}, representant${inv ? `, invitert av ${inv}` : ''}${named ? `, utpeikt av ${named}` : ', ikkje utpeikt av nokon (første medlem, eller rolla gjekk vidare)'}${conf ? ` med stadfesting frå verksemda: ${conf}` : ''}.`,
  visionCover: (m, date) => `Draumebiletet slik verksemdene slutta seg til det: milepælen «${m}», lagra ${date}.`,
  visionChanged: 'Draumebiletet er endra etter denne milepælen: teksten under «Draumebiletet» nedanfor er den gjeldande, ikkje den verksemdene slutta seg til.',
  visionUnchanged: 'Teksten under «Draumebiletet» nedanfor er den verksemdene slutta seg til: uendra sidan denne milepælen.',
  visionNotEndorsed: 'Inga verksemd har slutta seg til draumebiletet (ein milepæl av det) enno.',
  visionElsewhere: (org, stance, m, date) => `${org}: ${stance}, til milepælen «${m}» (${date}).`,
  visionNoStance: (names) => `Ikkje teke standpunkt til draumebiletet enno: ${names}.`,
  savedBy: 'lagra av',
  verificationText: (n, ok) =>
    `Dette dokumentet byggjer på ein revisjonslogg med ${n} oppføringar${ok ? ', der hash-kjeda var gyldig ved eksport' : ', der hash-kjeda IKKJE var gyldig ved eksport'}. Samanlikn hash-verdien nedanfor med serveren sin.`,
  headHash: 'Siste hash i revisjonsloggen',
  signatureText: (signed, ok) =>
    !signed ? 'Siste oppføring i loggen er ikkje signert (ho er eldre enn signeringa).' : ok ? 'Siste oppføring i loggen er signert med nøkkelen til serveren (Ed25519); signaturen var gyldig ved eksport.' : 'Siste oppføring i loggen har ein signatur som IKKJE var gyldig med nøkkelen til serveren.',
  keyFingerprint: 'Fingeravtrykk for signeringsnøkkelen til serveren (SHA-256)',
  importedChains: 'Importerte revisjonsloggar',
  provenance: (fp) => (fp ? `opphav: ${fp}` : 'ikkje stadfesta'),
  board: 'Tavle',
  reason: 'Grunngjeving',
  exported: 'Eksportert',
  noOverlaps: 'Ingen to verksemder tilbyr ei teneste til same målgruppe innan same tema.',
  ...fromGlossary('nn'),
};

export const exportLabels: Record<Language, ExportLabels> = { nn, nb, en };
