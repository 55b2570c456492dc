/**
 * The templates' content: frames, guidance and layout, in Nynorsk, Bokmål and English. Positions
 * are relative to a template's top-left corner. Inserted by shared/board/templates.ts.
 */
import { GENERATIONS, PARADOX_AXES, type ActorKind } from '../charter/schema.js';
import { METHOD_SPECS } from './template-methods.js';
import { columns, l, PAD, TOP } from './template-kit.js';
import { GENERATION_WORDS, PARADOX_WORDS } from '../glossary.js';
import type { PaletteColor } from './schema.js';

export const TEMPLATE_IDS = [
  'actor-map',
  'paradoxes',
  'maturity',
  'life-event',
  'start-stop-continue',
  'benefits-map',
  'life-event-governance',
  'roadmap',
  'service-overlap',
  'three-questions',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];
export type TemplateLang = 'nn' | 'nb' | 'en';
export type Localised = Record<TemplateLang, string>;

export interface TemplateMeta {
  id: TemplateId;
  title: Localised;
  /** One line for the template picker. */
  description: Localised;
}

export interface ItemSpec {
  kind: 'text' | 'note';
  x: number;
  y: number;
  w: number;
  h: number;
  text: Localised;
  color?: PaletteColor;
  /** Names the item for connectors within the template. */
  key?: string;
}
/**
 * What a note in the frame becomes when a facilitator sends it to the charter (`charter.import`):
 * an actor of that kind, a roadmap item on that horizon, a benefits line, or a principle draft.
 */
export type FrameRole = `actor-${ActorKind}` | 'roadmap-now' | 'roadmap-next' | 'roadmap-later' | 'benefit' | 'principle';

export interface FrameSpec {
  x: number;
  y: number;
  w: number;
  h: number;
  title: Localised;
  role?: FrameRole;
  items: ItemSpec[];
}
export interface TemplateSpec extends TemplateMeta {
  frames: FrameSpec[];
  /** Connectors between keyed items, drawn as the axis of a paradox. */
  links?: Array<[from: string, to: string]>;
}


const ACTOR_GUIDANCE = l(
  'Éin lapp per aktør. Skriv:\n• Rolle: kva har dei ansvar for?\n• Behov: kva treng dei?\n• Krav: kva må løysinga oppfylle for dei?\n• Gevinst: kva vinn dei på at vi lykkast?',
  'Én lapp per aktør. Skriv:\n• Rolle: hva har de ansvar for?\n• Behov: hva trenger de?\n• Krav: hva må løsningen oppfylle for dem?\n• Gevinst: hva vinner de på at vi lykkes?',
  'One sticky note per actor. Write:\n• Role: what are they responsible for?\n• Needs: what do they need?\n• Requirements: what must the solution meet for them?\n• Gains: what do they gain if we succeed?',
);
const USER_GUIDANCE = l(
  'Éin lapp per brukargruppe. Skriv:\n• Kven er dei, og kva skjer i livet deira?\n• Behov: kva treng dei frå oss samla?\n• Krav: kva må vere på plass for at dei skal stole på tenesta?\n• Gevinst: kva blir betre for dei?',
  'Én lapp per brukergruppe. Skriv:\n• Hvem er de, og hva skjer i livet deres?\n• Behov: hva trenger de fra oss samlet?\n• Krav: hva må være på plass for at de skal stole på tjenesten?\n• Gevinst: hva blir bedre for dem?',
  'One sticky note per user group. Write:\n• Who are they, and what is happening in their lives?\n• Needs: what do they need from all of us together?\n• Requirements: what must be in place for them to trust the service?\n• Gains: what gets better for them?',
);

const PLATFORM_GUIDANCE = l(
  'Éin lapp per fellesløysing eller plattform de byggjer på eller kunne byggje på (ID-porten, Altinn, ung.no …). Kven eig ho, og kven er avhengig av ho?',
  'Én lapp per fellesløsning eller plattform dere bygger på eller kunne bygge på (ID-porten, Altinn, ung.no …). Hvem eier den, og hvem er avhengig av den?',
  'One sticky note per shared platform you build on or could build on (ID-porten, Altinn, ung.no …). Who owns it, and who depends on it?',
);

function actorMap(): FrameSpec[] {
  const zones: Array<[Localised, Localised, FrameRole]> = [
    [l('Departement', 'Departementer', 'Ministries'), ACTOR_GUIDANCE, 'actor-ministry'],
    [l('Statlege verksemder og etatar', 'Statlige virksomheter og etater', 'Government agencies'), ACTOR_GUIDANCE, 'actor-state_agency'],
    [l('Kommunar og fylkeskommunar', 'Kommuner og fylkeskommuner', 'Municipalities and counties'), ACTOR_GUIDANCE, 'actor-municipality'],
    [l('Frivillige organisasjonar og næringsliv', 'Frivillige organisasjoner og næringsliv', 'NGOs and companies'), ACTOR_GUIDANCE, 'actor-ngo'],
    [l('Sluttbrukarar og brukargrupper', 'Sluttbrukere og brukergrupper', 'End users and user groups'), USER_GUIDANCE, 'actor-end_user_group'],
    [l('Fellesløysingar og plattformer', 'Fellesløsninger og plattformer', 'Shared platforms'), PLATFORM_GUIDANCE, 'actor-shared_platform'],
  ];
  const w = 560;
  const h = 480;
  const gap = 40;
  // Three zones in each of two rows.
  return zones.map(([title, guidance, role], i) => ({
    x: (i % 3) * (w + gap),
    y: Math.floor(i / 3) * (h + gap),
    w,
    h,
    title,
    role,
    items: [{ kind: 'text', x: PAD, y: TOP, w: w - 2 * PAD, h: 170, text: guidance }],
  }));
}

const PARADOX_GUIDANCE = l(
  'Kvar verksemd set ein lapp på aksen der ho står i dag. Snakk saman om spreiinga, og set ein stjernelapp der partnarskapet vil vere.',
  'Hver virksomhet setter en lapp på aksen der den står i dag. Snakk sammen om spredningen, og sett en stjernelapp der partnerskapet vil være.',
  'Each organisation places a sticky note on the axis where it stands today. Talk about the spread, and place a star note where the partnership wants to be.',
);

function paradoxes(): { frames: FrameSpec[]; links: Array<[string, string]> } {
  const gen = (lang: TemplateLang, i: number, name: string) => ({ nn: `Paradoks ${i}: ${name}`, nb: `Paradoks ${i}: ${name}`, en: `Paradox ${i}: ${name}` })[lang];
  const axes = PARADOX_AXES.map((axis, i) => {
    const p = PARADOX_WORDS[axis];
    const title = l(gen('nn', i + 1, p.name.nn.toLowerCase()), gen('nb', i + 1, p.name.nb.toLowerCase()), gen('en', i + 1, p.name.en.toLowerCase()));
    return [title, p.low, p.high, p.report] as const;
  });
  const w = 1400;
  const h = 300;
  const pole = { w: 300, h: 60 };
  const frames: FrameSpec[] = [];
  const links: Array<[string, string]> = [];
  axes.forEach(([title, left, right, report], i) => {
    frames.push({
      x: 0,
      y: i * (h + 40),
      w,
      h,
      title,
      items: [
        { kind: 'text', x: PAD, y: TOP + 20, ...pole, text: left, key: `p${i}l` },
        { kind: 'text', x: w - PAD - pole.w, y: TOP + 20, ...pole, text: right, key: `p${i}r` },
        { kind: 'text', x: (w - 720) / 2, y: TOP + 110, w: 720, h: 56, text: report },
        { kind: 'text', x: (w - 720) / 2, y: h - 80, w: 720, h: 56, text: PARADOX_GUIDANCE },
      ],
    });
    links.push([`p${i}l`, `p${i}r`]);
  });
  return { frames, links };
}

function maturity(): FrameSpec[] {
  const steps = GENERATIONS.map((g) => {
    const words = GENERATION_WORDS[g];
    return [l(`Generasjon ${g}: ${words.short.nn}`, `Generasjon ${g}: ${words.short.nb}`, `Generation ${g}: ${words.short.en}`), words.text] as const;
  });
  const w = 440;
  const h = 460;
  const rise = 120;
  return steps.map(([title, text], i) => ({
    x: i * (w + 30),
    y: (steps.length - 1 - i) * rise,
    w,
    h,
    title,
    items: [
      { kind: 'text', x: PAD, y: TOP, w: w - 2 * PAD, h: 110, text },
      ...(i === 0
        ? [
            {
              kind: 'text' as const,
              x: PAD,
              y: TOP + 130,
              w: w - 2 * PAD,
              h: 110,
              text: l(
                'Kvar verksemd set ein lapp på trinnet der ho står i dag, og ein der ho vil vere. Kva skal til for å ta neste steg?',
                'Hver virksomhet setter en lapp på trinnet der den står i dag, og en der den vil være. Hva skal til for å ta neste steg?',
                'Each organisation places a sticky note on the step where it stands today, and one where it wants to be. What would it take to climb the next step?',
              ),
            },
          ]
        : []),
    ],
  }));
}

function lifeEvent(): FrameSpec[] {
  const phases: Array<[Localised, Localised]> = [
    [
      l('1 · Før det skjer', '1 · Før det skjer', '1 · Before it happens'),
      l(
        'Kva veit familien på førehand, og kva burde dei ha visst? Kven er alt i kontakt med dei?',
        'Hva vet familien på forhånd, og hva burde de ha visst? Hvem er allerede i kontakt med dem?',
        'What does the family know beforehand, and what should they have known? Who is already in touch with them?',
      ),
    ],
    [
      l('2 · Når det skjer', '2 · Når det skjer', '2 · When it happens'),
      l(
        'Kva skjer den første dagen? Kven tek kontakt, og kva må familien fortelje fleire gonger?',
        'Hva skjer den første dagen? Hvem tar kontakt, og hva må familien fortelle flere ganger?',
        'What happens on the first day? Who gets in touch, and what does the family have to tell more than once?',
      ),
    ],
    [
      l('3 · Dei første vekene', '3 · De første ukene', '3 · The first weeks'),
      l(
        'Kva må dei søkje om, og hos kven? Kvar stoppar det opp mellom verksemdene?',
        'Hva må de søke om, og hos hvem? Hvor stopper det opp mellom virksomhetene?',
        'What do they have to apply for, and where? Where do things get stuck between organisations?',
      ),
    ],
    [
      l('4 · Kvardagen', '4 · Hverdagen', '4 · Everyday life'),
      l(
        'Korleis går kvardagen med behandling, skule, jobb og økonomi? Kva kunne gått av seg sjølv?',
        'Hvordan går hverdagen med behandling, skole, jobb og økonomi? Hva kunne gått av seg selv?',
        'How does everyday life work with treatment, school, work and money? What could happen by itself?',
      ),
    ],
    [
      l('5 · Vidare framover', '5 · Videre fremover', '5 · Looking ahead'),
      l(
        'Kva treng familien på lang sikt? Kva må verksemdene gjere saman for at det skal henge saman?',
        'Hva trenger familien på lang sikt? Hva må virksomhetene gjøre sammen for at det skal henge sammen?',
        'What does the family need in the long run? What must the organisations do together to make it hang together?',
      ),
    ],
  ];
  const w = 420;
  const h = 560;
  return phases.map(([title, text], i) => ({
    x: i * (w + 30),
    y: 0,
    w,
    h,
    title,
    items: [
      { kind: 'text', x: PAD, y: TOP, w: w - 2 * PAD, h: 120, text },
      ...(i === 0
        ? [
            {
              kind: 'note' as const,
              x: PAD,
              y: TOP + 140,
              w: w - 2 * PAD,
              h: 110,
              color: 'pink' as const,
              text: l(
                'Livshending: «eit alvorleg sjukt barn». Skriv inn den livshendinga de arbeider med.',
                'Livshendelse: «et alvorlig sykt barn». Skriv inn den livshendelsen dere jobber med.',
                'Life event: «a seriously ill child». Replace it with the life event you are working on.',
              ),
            },
          ]
        : []),
    ],
  }));
}

function startStopContinue(): FrameSpec[] {
  const fields: Array<[Localised, Localised, FrameRole?]> = [
    [l('Start', 'Start', 'Start'), l('Kva bør vi byrje å gjere saman? Éin idé per lapp.', 'Hva bør vi begynne å gjøre sammen? Én idé per lapp.', 'What should we start doing together? One idea per sticky note.'), 'roadmap-now'],
    [l('Stopp', 'Stopp', 'Stop'), l('Kva bør vi slutte med? Éin idé per lapp.', 'Hva bør vi slutte med? Én idé per lapp.', 'What should we stop doing? One idea per sticky note.'), 'roadmap-now'],
    [l('Hald fram', 'Fortsett', 'Continue'), l('Kva fungerer og bør halde fram? Éin idé per lapp.', 'Hva fungerer og bør fortsette? Én idé per lapp.', 'What works and should continue? One idea per sticky note.')],
  ];
  return columns(fields, 480, 560, 70);
}

const paradoxSpec = paradoxes();
export const SPECS: TemplateSpec[] = [
  {
    id: 'actor-map',
    title: l('Aktørkart', 'Aktørkart', 'Actor map'),
    description: l(
      'Soner for departement, statlege verksemder, kommunar, frivillige og næringsliv, sluttbrukarar og fellesløysingar: rolle, behov, krav og gevinst.',
      'Soner for departementer, statlige virksomheter, kommuner, frivillige og næringsliv, sluttbrukere og fellesløsninger: rolle, behov, krav og gevinst.',
      'Zones for ministries, agencies, municipalities, NGOs and companies, end users and shared platforms: role, needs, requirements and gains.',
    ),
    frames: actorMap(),
  },
  {
    id: 'paradoxes',
    title: l('Dei fire paradoksa', 'De fire paradoksene', 'The four paradoxes'),
    description: l(
      'Fire aksar der kvar verksemd viser kvar ho står, så de ser spreiinga og kan snakke om ho.',
      'Fire akser der hver virksomhet viser hvor den står, så dere ser spredningen og kan snakke om den.',
      'Four axes where each organisation shows where it stands, so you see the spread and can talk about it.',
    ),
    frames: paradoxSpec.frames,
    links: paradoxSpec.links,
  },
  {
    id: 'maturity',
    title: l('Modnadstrapp', 'Modenhetstrapp', 'Maturity staircase'),
    description: l(
      'Generasjon 1–4 som trinn: frå eigne prosessar og eigne brukarar til tenester laga saman med andre.',
      'Generasjon 1–4 som trinn: fra egne prosesser og egne brukere til tjenester laget sammen med andre.',
      'Generations 1–4 as steps: from own processes and own users to services built together with others.',
    ),
    frames: maturity(),
  },
  {
    id: 'life-event',
    title: l('Livshending som reise', 'Livshendelse som reise', 'Life-event journey'),
    description: l(
      'Fem fasar i ei livshending, frå før det skjer til vidare framover, sett frå dei det gjeld.',
      'Fem faser i en livshendelse, fra før det skjer til videre fremover, sett fra dem det gjelder.',
      'Five phases of a life event, from before it happens to looking ahead, seen by the people it affects.',
    ),
    frames: lifeEvent(),
  },
  {
    id: 'start-stop-continue',
    title: l('Start, stopp, hald fram', 'Start, stopp, fortsett', 'Start, stop, continue'),
    description: l(
      'Tre felt for kva vi bør byrje med, slutte med og halde fram med saman.',
      'Tre felt for hva vi bør begynne med, slutte med og fortsette med sammen.',
      'Three fields for what we should start, stop and continue doing together.',
    ),
    frames: startStopContinue(),
  },
  ...Object.entries(METHOD_SPECS).map(([id, spec]) => ({ id: id as TemplateId, ...spec })),
];

export const TEMPLATES: readonly TemplateMeta[] = SPECS.map(({ id, title, description }) => ({ id, title, description }));

export const isTemplateId = (v: unknown): v is TemplateId => (TEMPLATE_IDS as readonly unknown[]).includes(v);
