/**
 * The product's words, once, in Nynorsk, Bokmål and English: the report's vocabulary (the four
 * paradoxes, the generation staircase) and the charter's fixed terms (actor kinds, relations,
 * decision rules, stances, the names of its sections and columns). The board's templates, the
 * app (client/ui/vocabulary.ts, client/charter/charter-texts.ts) and every export
 * (server/export/labels.ts) read them from here, so a term reads the same wherever it appears;
 * tests/glossary.test.ts keeps copies from creeping back.
 *
 * The paradoxes' poles are the report's (Digitaliseringsrådets erfaringsrapport 2024, after
 * Crusoe and Nylén); position 0 is the first pole, 100 the second.
 */
import type { ActorKind, BodyRule, Generation, ParadoxAxis, RelationKind, Responsibility } from './charter/schema.js';
import type { RoadmapHorizon } from './charter/charter-methods.js';
import type { PrincipleStatus, Stance } from './decision-rule.js';

export type GlossaryLang = 'nn' | 'nb' | 'en';
export type Words = Readonly<Record<GlossaryLang, string>>;

const w = (nn: string, nb: string, en: string): Words => ({ nn, nb, en });

export interface ParadoxWords {
  /** Short name of the tension, for titles and menus. */
  name: Words;
  /** Position 0. */
  low: Words;
  /** Position 100. */
  high: Words;
  /** The report's own sentence: how the tension pulls the wrong way. */
  report: Words;
}

export const PARADOX_WORDS: Readonly<Record<ParadoxAxis, ParadoxWords>> = {
  local_vs_central: {
    name: w('Lokalt eller sentralt', 'Lokalt eller sentralt', 'Local or central'),
    low: w('Lokale løysingar og samarbeid', 'Lokale løsninger og samarbeid', 'Local solutions and collaboration'),
    high: w('Sentraliserte initiativ og løysingar', 'Sentraliserte initiativer og løsninger', 'Centralised initiatives and solutions'),
    report: w(
      'Lokale løysingar og samarbeid på kostnad av sentraliserte initiativ og løysingar.',
      'Lokale løsninger og samarbeid på bekostning av sentraliserte initiativer og løsninger.',
      'Local solutions and collaboration at the expense of centralised initiatives and solutions.',
    ),
  },
  local_benefit_vs_collective: {
    name: w('Lokal nytte eller kollektive løysingar', 'Lokal nytte eller kollektive løsninger', 'Local benefit or collective solutions'),
    low: w('Lokal nytte', 'Lokal nytte', 'Local benefit'),
    high: w('Kollektive løysingar', 'Kollektive løsninger', 'Collective solutions'),
    report: w('Lokal nytte i motsetning til kollektive løysingar.', 'Lokal nytte i motsetning til kollektive løsninger.', 'Local benefit as opposed to collective solutions.'),
  },
  domain_vs_it: {
    name: w('Domeneekspertise eller IT-ekspertise', 'Domeneekspertise eller IT-ekspertise', 'Domain expertise or IT expertise'),
    low: w('Domeneekspertise', 'Domeneekspertise', 'Domain expertise'),
    high: w('IT-ekspertise', 'IT-ekspertise', 'IT expertise'),
    report: w('Domeneekspertise på kostnad av IT-ekspertise.', 'Domeneekspertise på bekostning av IT-ekspertise.', 'Domain expertise at the expense of IT expertise.'),
  },
  contextual_vs_universal: {
    name: w('Kontekstuell eller universell digitalisering', 'Kontekstuell eller universell digitalisering', 'Contextual or universal digitalisation'),
    low: w('Kontekstuell digitalisering', 'Kontekstuell digitalisering', 'Contextual digitalisation'),
    high: w('Universell digitalisering', 'Universell digitalisering', 'Universal digitalisation'),
    report: w(
      'Kontekstuell digitalisering på kostnad av universell digitalisering.',
      'Kontekstuell digitalisering på bekostning av universell digitalisering.',
      'Contextual digitalisation at the expense of universal digitalisation.',
    ),
  },
};

export interface GenerationWords {
  /** What the step is, in a few words. */
  short: Words;
  /** What an organisation on this step does. */
  text: Words;
}

/** The generation staircase for digital maturity (Kræmmergaard, as the report uses it). */
export const GENERATION_WORDS: Readonly<Record<Generation, GenerationWords>> = {
  1: {
    short: w('Digital støtte til eige arbeid', 'Digital støtte til eget arbeid', 'Digital support for our own work'),
    text: w(
      'Dei same prosessane som før, no med digitale verktøy og skjema på nett. Eigne prosessar, eigne brukarar.',
      'De samme prosessene som før, nå med digitale verktøy og skjemaer på nett. Egne prosesser, egne brukere.',
      'The same processes as before, now with digital tools and online forms. Own processes, own users.',
    ),
  },
  2: {
    short: w('Fagsystem som driv eigne prosessar', 'Fagsystemer som driver egne prosesser', 'Systems that run our own processes'),
    text: w(
      'Arbeidsprosessane inne i verksemda er digitaliserte og delvis automatiserte i fagsystem. Eigne prosessar, eigne brukarar.',
      'Arbeidsprosessene i virksomheten er digitalisert og delvis automatisert i fagsystemer. Egne prosesser, egne brukere.',
      'The work processes inside the organisation are digitalised and partly automated in its own systems. Own processes, own users.',
    ),
  },
  3: {
    short: w('Digitale tenester for eigne brukarar', 'Digitale tjenester for egne brukere', 'Digital services for our own users'),
    text: w(
      'Eigne data blir brukte på nytt, så tenestene til eigne brukarar blir betre og meir proaktive.',
      'Egne data blir brukt på nytt, så tjenestene til egne brukere blir bedre og mer proaktive.',
      'Own data is reused, so the services for our own users become better and more proactive.',
    ),
  },
  4: {
    short: w('Samanhengande tenester saman med andre', 'Sammenhengende tjenester sammen med andre', 'Seamless services together with others'),
    text: w(
      'Samanhengande tenester for sluttbrukarane, laga saman med andre verksemder i eit økosystem, med eit langsiktig perspektiv.',
      'Sammenhengende tjenester for sluttbrukerne, laget sammen med andre virksomheter i et økosystem, med et langsiktig perspektiv.',
      'Seamless services for end users, built together with other organisations in an ecosystem, with a long-term view.',
    ),
  },
};

export const ACTOR_KIND_WORDS: Readonly<Record<ActorKind, Words>> = {
  state_agency: w('Statleg etat', 'Statlig etat', 'State agency'),
  municipality: w('Kommune', 'Kommune', 'Municipality'),
  ministry: w('Departement', 'Departement', 'Ministry'),
  company: w('Bedrift', 'Bedrift', 'Company'),
  ngo: w('Frivillig organisasjon', 'Frivillig organisasjon', 'Voluntary organisation'),
  end_user_group: w('Brukargruppe', 'Brukergruppe', 'End-user group'),
  shared_platform: w('Fellesløysing', 'Fellesløsning', 'Shared platform'),
};

export const RELATION_KIND_WORDS: Readonly<Record<RelationKind, Words>> = {
  funds: w('finansierer', 'finansierer', 'funds'),
  decides_over: w('bestemmer over', 'bestemmer over', 'decides over'),
  delivers_data_to: w('leverer data til', 'leverer data til', 'delivers data to'),
  serves: w('tener', 'betjener', 'serves'),
  collaborates_with: w('samarbeider med', 'samarbeider med', 'collaborates with'),
  depends_on: w('er avhengig av', 'er avhengig av', 'depends on'),
};

export const BODY_RULE_WORDS: Readonly<Record<BodyRule, Words>> = {
  consensus: w('Konsensus (semje)', 'Konsensus (enighet)', 'Consensus'),
  consent: w('Samtykke (ingen innvendingar)', 'Samtykke (ingen innvendinger)', 'Consent (no objections)'),
  majority: w('Fleirtal', 'Flertall', 'Majority'),
  lead_decides: w('Leiaren avgjer innanfor eit mandat', 'Lederen avgjør innenfor et mandat', 'Lead decides within a mandate'),
};

export const RESPONSIBILITY_WORDS: Readonly<Record<Responsibility, Words>> = {
  decide: w('Avgjer', 'Avgjør', 'Decides'),
  consult: w('Blir høyrd', 'Blir hørt', 'Consulted'),
  inform: w('Blir informert', 'Blir informert', 'Informed'),
};

export const STANCE_WORDS: Readonly<Record<Stance, Words>> = {
  endorse: w('Sluttar seg til', 'Slutter seg til', 'Endorses'),
  object: w('Har innvending', 'Har innvending', 'Objects'),
  abstain: w('Står over', 'Står over', 'Abstains'),
};

export const STATUS_WORDS: Readonly<Record<PrincipleStatus, Words>> = {
  draft: w('Utkast', 'Utkast', 'Draft'),
  open: w('Ventar på svar', 'Venter på svar', 'Pending'),
  blocked: w('Blokkert', 'Blokkert', 'Blocked'),
  agreed: w('Vedteke', 'Vedtatt', 'Agreed'),
  rejected: w('Forkasta', 'Forkastet', 'Rejected'),
  stale: w('Teksten er endra etter framlegget', 'Teksten er endret etter forslaget', 'Text changed since it was proposed'),
};

/** The roadmap's three horizons (issue #17). */
export const ROADMAP_HORIZON_WORDS: Readonly<Record<RoadmapHorizon, Words>> = {
  now: w('No', 'Nå', 'Now'),
  next: w('Neste', 'Neste', 'Next'),
  later: w('Seinare', 'Senere', 'Later'),
};

/** Names of the charter's sections, columns and fields, as headings in the app and in exports. */
export const TERMS = {
  organisation: w('Verksemd', 'Virksomhet', 'Organisation'),
  actorMap: w('Aktørkart', 'Aktørkart', 'Actor map'),
  actorName: w('Namn', 'Navn', 'Name'),
  kind: w('Type', 'Type', 'Kind'),
  role: w('Rolle i økosystemet', 'Rolle i økosystemet', 'Role in the ecosystem'),
  needs: w('Behov', 'Behov', 'Needs'),
  requirements: w('Krav', 'Krav', 'Requirements'),
  gains: w('Kva dei vinn', 'Hva de vinner', 'What they gain'),
  relations: w('Relasjonar', 'Relasjoner', 'Relations'),
  relation: w('Relasjon', 'Relasjon', 'Relation'),
  fromActor: w('Frå aktør', 'Fra aktør', 'From actor'),
  toActor: w('Til aktør', 'Til aktør', 'To actor'),
  note: w('Merknad', 'Merknad', 'Note'),
  maturity: w('Modnadstrapp', 'Modenhetstrapp', 'Maturity staircase'),
  generation: w('Generasjon', 'Generasjon', 'Generation'),
  today: w('I dag', 'I dag', 'Today'),
  wantsToBe: w('Vil vere', 'Vil være', 'Wants to be'),
  alsoStandsOn: w('Står òg på', 'Står også på', 'Also stands on'),
  partnershipTarget: w('Partnarskapet vil vere', 'Partnerskapet vil være', 'The partnership wants to be'),
  gapToTarget: w('Avstand til målet', 'Avstand til målet', 'Gap to the target'),
  justification: w('Grunngiving', 'Begrunnelse', 'Justification'),
  paradoxes: w('Fire paradoks', 'Fire paradokser', 'Four paradoxes'),
  governance: w('Styringsmodell', 'Styringsmodell', 'Governance model'),
  bodies: w('Styringsorgan', 'Styringsorganer', 'Governance bodies'),
  mandate: w('Mandat', 'Mandat', 'Mandate'),
  memberOrganisations: w('Medlemsverksemder', 'Medlemsvirksomheter', 'Member organisations'),
  chair: w('Leiar', 'Leder', 'Chair'),
  decisionRule: w('Avgjerdsregel', 'Beslutningsregel', 'Decision rule'),
  rhythm: w('Møterytme', 'Møterytme', 'Meeting rhythm'),
  escalation: w('Eskaleringsveg', 'Eskaleringsvei', 'Escalation path'),
  funding: w('Finansiering', 'Finansiering', 'Funding'),
  who: w('Kven', 'Hvem', 'Who'),
  amount: w('Beløp', 'Beløp', 'Amount'),
  share: w('Del (%)', 'Andel (%)', 'Share (%)'),
  total: w('Til saman', 'Totalt', 'Total'),
  whoDecides: w('Kven avgjer kva', 'Hvem avgjør hva', 'Who decides what'),
  decision: w('Avgjerd', 'Beslutning', 'Decision'),
  principles: w('Prinsipp', 'Prinsipper', 'Principles'),
  milestones: w('Milepælar', 'Milepæler', 'Milestones'),
  // The report's methods (issue #17): benefits map, roadmap, service overlap, life event.
  benefitsMap: w('Gevinstkart', 'Gevinstkart', 'Benefits map'),
  benefit: w('Gevinst', 'Gevinst', 'Benefit'),
  payer: w('Kven betaler', 'Hvem betaler', 'Who pays'),
  gainer: w('Kven vinn', 'Hvem vinner', 'Who gains'),
  when: w('Når', 'Når', 'When'),
  roadmap: w('Vegkart', 'Veikart', 'Roadmap'),
  horizon: w('Tidshorisont', 'Tidshorisont', 'Horizon'),
  initiative: w('Tiltak', 'Tiltak', 'Initiative'),
  owner: w('Eigar', 'Eier', 'Owner'),
  serviceOverlap: w('Overlappande tenester', 'Overlappende tjenester', 'Service overlap'),
  service: w('Teneste', 'Tjeneste', 'Service'),
  targetGroup: w('Målgruppe', 'Målgruppe', 'Target group'),
  theme: w('Tema', 'Tema', 'Theme'),
  overlaps: w('Overlappar', 'Overlapper', 'Overlaps'),
  lifeEvent: w('Livshending', 'Livshendelse', 'Life event'),
  scope: w('Omfang', 'Omfang', 'Scope'),
} as const satisfies Record<string, Words>;

export type Term = keyof typeof TERMS;

/** Every entry of a word table in one language. */
export function wordsIn<K extends string>(table: Readonly<Record<K, Words>>, lang: GlossaryLang): Record<K, string> {
  return Object.fromEntries(Object.entries<Words>(table).map(([k, v]) => [k, v[lang]])) as Record<K, string>;
}
