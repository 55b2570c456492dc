/**
 * The council's three questions to top leaders (Digitaliseringsrådets erfaringsrapport 2024),
 * worded as starter principles a facilitator can put into the charter as drafts (issue #17): they
 * are questions on the board's "three questions" template, commitments in the charter.
 */
import type { Words } from '../glossary.js';

export const STARTER_PRINCIPLES: readonly Words[] = [
  {
    nn: 'Vi samarbeider om grunnleggande infrastruktur i staden for at kvar verksemd byggjer sin eigen.',
    nb: 'Vi samarbeider om grunnleggende infrastruktur i stedet for at hver virksomhet bygger sin egen.',
    en: 'We collaborate on basic infrastructure instead of each organisation building its own.',
  },
  {
    nn: 'Vi ser kvar satsing i samanheng med nasjonal infrastruktur og fellesløysingar.',
    nb: 'Vi ser hver satsing i sammenheng med nasjonal infrastruktur og fellesløsninger.',
    en: 'We see every initiative together with national infrastructure and shared platforms.',
  },
  {
    nn: 'Det vi utviklar, legg vi til rette for at andre verksemder kan bruke om att, også utanfor eigen sektor.',
    nb: 'Det vi utvikler, legger vi til rette for at andre virksomheter kan bruke om igjen, også utenfor egen sektor.',
    en: 'What we develop, we make reusable by other organisations, also outside our own sector.',
  },
];
