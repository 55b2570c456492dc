/**
 * Board templates for the report's methods that Samskap lacked before issue #17: the benefits map
 * (gevinstkart), the life event as governance, the roadmap, the service overlap inventory and the
 * three questions to top leaders. Each frame carries visible guidance; where a frame's notes can
 * go to the charter (`charter.import`), the frame's `role` says as what.
 */
import { columns, l, PAD, TOP } from './template-kit.js';
import type { Localised, TemplateSpec } from './template-specs.js';

const benefitsMap: Omit<TemplateSpec, 'id'> = {
  title: l('Gevinstkart', 'Gevinstkart', 'Benefits map'),
  description: l(
    'Kven betalar, kven vinn, kva og når: talfest der de kan. Du salderer ikkje eit budsjett med samfunnsøkonomiske gevinstar.',
    'Hvem betaler, hvem vinner, hva og når: tallfest der dere kan. Du saldérer ikke et budsjett med samfunnsøkonomiske gevinster.',
    'Who pays, who gains, what and when: quantify where you can. You cannot balance a budget with socio-economic benefits.',
  ),
  frames: columns(
    [
      [
        l('Kven betalar?', 'Hvem betaler?', 'Who pays?'),
        l(
          'Éin lapp per verksemd som ber ein kostnad: kva kostar det, og over kva budsjett?',
          'Én lapp per virksomhet som bærer en kostnad: hva koster det, og over hvilket budsjett?',
          'One sticky note per organisation that bears a cost: what does it cost, and from which budget?',
        ),
      ],
      [
        l('Gevinstar', 'Gevinster', 'Benefits'),
        l(
          'Éin lapp per gevinst: kva blir betre, for kven, og når? Skriv beløpet der det kan talfestast, til dømes «1 500 000 kr i året».',
          'Én lapp per gevinst: hva blir bedre, for hvem, og når? Skriv beløpet der det kan tallfestes, for eksempel «1 500 000 kr i året».',
          'One sticky note per benefit: what gets better, for whom, and when? Write the amount where it can be quantified, e.g. «NOK 1,500,000 a year».',
        ),
        'benefit',
      ],
      [
        l('Kven vinn?', 'Hvem vinner?', 'Who gains?'),
        l(
          'Éin lapp per verksemd eller brukargruppe som hentar gevinsten. Er det ein annan enn den som betalar? Då treng de ein avtale.',
          'Én lapp per virksomhet eller brukergruppe som henter gevinsten. Er det en annen enn den som betaler? Da trenger dere en avtale.',
          'One sticky note per organisation or user group that reaps the benefit. Is it someone other than the payer? Then you need an agreement.',
        ),
      ],
    ],
    480,
    560,
    130,
  ),
};

const lifeEventGovernance: Omit<TemplateSpec, 'id'> = {
  title: l('Livshending som styring', 'Livshendelse som styring', 'Life event as governance'),
  description: l(
    'Kven eig livshendinga, korleis de avgrensar og prioriterer, med kva mandat og kva pengar.',
    'Hvem eier livshendelsen, hvordan dere avgrenser og prioriterer, med hvilket mandat og hvilke penger.',
    'Who owns the life event, how you scope and prioritise it, with what mandate and what money.',
  ),
  frames: columns(
    [
      [
        l('Livshendinga', 'Livshendelsen', 'The life event'),
        l(
          'Kva livshending, for kven? Skriv ho på éin lapp.',
          'Hvilken livshendelse, for hvem? Skriv den på én lapp.',
          'Which life event, for whom? Write it on one sticky note.',
        ),
      ],
      [
        l('Eigar', 'Eier', 'Owner'),
        l(
          'Kven eig livshendinga og svarer for at ho heng saman?',
          'Hvem eier livshendelsen og svarer for at den henger sammen?',
          'Who owns the life event and answers for it hanging together?',
        ),
      ],
      [
        l('Avgrense og prioritere', 'Avgrense og prioritere', 'Scope and prioritise'),
        l('Kva er med, kva er ikkje med, og kva tek de først?', 'Hva er med, hva er ikke med, og hva tar dere først?', 'What is in, what is out, and what comes first?'),
      ],
      [
        l('Mandat', 'Mandat', 'Mandate'),
        l(
          'Kva kan eigaren og samarbeidet avgjere, og kven gav mandatet?',
          'Hva kan eieren og samarbeidet avgjøre, og hvem ga mandatet?',
          'What may the owner and the partnership decide, and who gave the mandate?',
        ),
      ],
      [l('Finansiering', 'Finansiering', 'Funding'), l('Kven betalar for kva, og kor lenge?', 'Hvem betaler for hva, og hvor lenge?', 'Who pays for what, and for how long?')],
    ],
    400,
    480,
  ),
};

const roadmap: Omit<TemplateSpec, 'id'> = {
  title: l('Vegkart', 'Veikart', 'Roadmap'),
  description: l(
    'No, neste og seinare: kva de gjer saman, og kven som eig kvart tiltak.',
    'Nå, neste og senere: hva dere gjør sammen, og hvem som eier hvert tiltak.',
    'Now, next and later: what you do together, and who owns each step.',
  ),
  frames: columns(
    [
      [
        l('No', 'Nå', 'Now'),
        l(
          'Éin lapp per tiltak de gjer no. Skriv kven som eig det.',
          'Én lapp per tiltak dere gjør nå. Skriv hvem som eier det.',
          'One sticky note per step you take now. Write who owns it.',
        ),
        'roadmap-now',
      ],
      [
        l('Neste', 'Neste', 'Next'),
        l(
          'Det som kjem etterpå, når det første er på plass.',
          'Det som kommer etterpå, når det første er på plass.',
          'What comes after, once the first is in place.',
        ),
        'roadmap-next',
      ],
      [
        l('Seinare', 'Senere', 'Later'),
        l(
          'Det de vil, men ikkje enno. Kva må skje først?',
          'Det dere vil, men ikke ennå. Hva må skje først?',
          'What you want, but not yet. What must happen first?',
        ),
        'roadmap-later',
      ],
    ],
    480,
    560,
    90,
  ),
};

const serviceOverlap: Omit<TemplateSpec, 'id'> = {
  title: l('Overlappande tenester', 'Overlappende tjenester', 'Service overlap'),
  description: l(
    'Kartlegg tenestene: teneste, målgruppe, tema og verksemd. Der fleire verksemder har tenester for same målgruppe og tema, overlappar de.',
    'Kartlegg tjenestene: tjeneste, målgruppe, tema og virksomhet. Der flere virksomheter har tjenester for samme målgruppe og tema, overlapper dere.',
    'Map the services: service, target group, theme and organisation. Where several organisations serve the same target group and theme, you overlap.',
  ),
  frames: columns(
    (
      [
        [l('Arbeid og utdanning', 'Arbeid og utdanning', 'Work and education')],
        [l('Helse', 'Helse', 'Health')],
        [l('Bustad og økonomi', 'Bolig og økonomi', 'Housing and money')],
        [l('Anna tema', 'Annet tema', 'Another theme')],
      ] as Array<[Localised]>
    ).map(([title]): [Localised, Localised] => [
      title,
      l(
        'Éin lapp per teneste: namn og målgruppe. Lappen får fargen til verksemda di. Fleire fargar for same målgruppe her? Då overlappar de.',
        'Én lapp per tjeneste: navn og målgruppe. Lappen får fargen til virksomheten din. Flere farger for samme målgruppe her? Da overlapper dere.',
        'One sticky note per service: name and target group. The note takes your organisation’s colour. Several colours for one target group here? Then you overlap.',
      ),
    ]),
    420,
    520,
    130,
  ),
};

const THREE_QUESTIONS = [
  l('Samarbeider de om grunnleggande infrastruktur?', 'Samarbeider dere om grunnleggende infrastruktur?', 'Do you collaborate on basic infrastructure?'),
  l('Ser de satsinga i samanheng med nasjonal infrastruktur?', 'Ser dere satsingen i sammenheng med nasjonal infrastruktur?', 'Do you see the initiative together with national infrastructure?'),
  l(
    'Kan det de utviklar, brukast om att av andre verksemder, også utanfor eigen sektor?',
    'Kan det dere utvikler, brukes om igjen av andre virksomheter, også utenfor egen sektor?',
    'Can what you develop be reused by other organisations, also outside your own sector?',
  ),
];

const threeQuestions: Omit<TemplateSpec, 'id'> = {
  title: l('Tre spørsmål til toppleiarane', 'Tre spørsmål til topplederne', 'Three questions to top leaders'),
  description: l(
    'Rådet sine tre spørsmål om infrastruktur og gjenbruk, som sjekkliste for kvar verksemd.',
    'Rådets tre spørsmål om infrastruktur og gjenbruk, som sjekkliste for hver virksomhet.',
    "The council's three questions on infrastructure and reuse, as a checklist for each organisation.",
  ),
  frames: THREE_QUESTIONS.map((q, i) => ({
    x: i * 510,
    y: 0,
    w: 480,
    h: 480,
    title: l(`Spørsmål ${i + 1}`, `Spørsmål ${i + 1}`, `Question ${i + 1}`),
    role: 'principle' as const,
    items: [
      { kind: 'text' as const, x: PAD, y: TOP, w: 432, h: 90, text: q },
      {
        kind: 'text' as const,
        x: PAD,
        y: TOP + 100,
        w: 432,
        h: 90,
        text: l(
          '☐ Ja  ☐ Delvis  ☐ Nei. Éin lapp per verksemd: kva skal til? Ein fasilitator kan sende ein lapp til avtalen som prinsipp.',
          '☐ Ja  ☐ Delvis  ☐ Nei. Én lapp per virksomhet: hva skal til? En fasilitator kan sende en lapp til avtalen som prinsipp.',
          '☐ Yes  ☐ Partly  ☐ No. One sticky note per organisation: what would it take? A facilitator can send a note to the charter as a principle.',
        ),
      },
    ],
  })),
};

export const METHOD_SPECS = {
  'benefits-map': benefitsMap,
  'life-event-governance': lifeEventGovernance,
  roadmap,
  'service-overlap': serviceOverlap,
  'three-questions': threeQuestions,
} as const;
