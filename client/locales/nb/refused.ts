/** Bokmål messages of the notice about a refused change, typed against the Nynorsk ones. */
import { str } from '@lit/localize';
import type { refused as nynorsk } from '../nn/refused.js';

export const refused: Record<keyof typeof nynorsk, string | ReturnType<typeof str>> = {
  refused_heading: 'Endringen din ble avvist',
  refused_too_long: str`Endringen din ble ikke lagret: drømmebildet ville ha blitt lengre enn de ${0} tegnene det kan ha.`,
  refused_doc_full: 'Endringen din ble ikke lagret: denne delen av verkstedet har nådd det meste den kan holde, slettet tekst og historikk medregnet. Spør en fasilitator.',
  refused_board_full: 'Endringen din ble ikke lagret: tavlen har allerede så mange elementer som den kan ha. Slett noen, eller bruk en annen tavle.',
  refused_comment_owner: 'Endringen din ble ikke lagret: bare den som skrev en kommentar, eller en fasilitator, kan endre eller slette den.',
  refused_suggestion: 'Endringen din ble ikke lagret: mens fasilitatoren ber om forslag, kan du bare legge til egne forslag eller trekke dem tilbake.',
  refused_owner: 'Endringen din ble ikke lagret: den endret noe som bare virksomheten det tilhører (eller en fasilitator) kan endre.',
  refused_author: 'Endringen din ble ikke lagret: den oppga noen andre som forfatter.',
  refused_read_only: 'Endringen din ble ikke lagret: du kan bare lese her nå.',
  refused_nesting: 'Endringen din ble ikke lagret: den la innhold dypere inni hverandre enn verkstedet tillater.',
  refused_size: 'Endringen din ble ikke lagret: den var større enn verkstedet tillater.',
  refused_content: 'Endringen din ble ikke lagret: den hadde innhold som verkstedet ikke tar imot.',
  refused_generic: 'Endringen din ble ikke lagret: serveren avviste den fordi den brøt en regel i verkstedet.',
  refused_checking: 'Åpner den siste lagrede versjonen og sjekker hva som ikke ble lagret …',
  refused_nothing_lost: 'Den siste lagrede versjonen er åpen igjen. Ingenting du skrev, gikk tapt.',
  refused_texts_intro: 'Den siste lagrede versjonen er åpen igjen. Disse tekstene du skrev, ble ikke lagret; kopier dem for å ta vare på dem:',
  refused_texts_field: 'Tekstene som ikke ble lagret, til å kopiere',
  refused_others: 'Andre endringer du gjorde her (for eksempel flytting, farger eller formatering), ble heller ikke lagret.',
  refused_copy: 'Kopier tekstene',
  refused_copied: 'Kopiert. Lim inn tekstene der du vil ta vare på dem.',
  refused_close: 'Lukk denne meldingen',
  refused_doc_full_vision: 'Endringen din ble ikke lagret: drømmebildet har nådd det meste det kan holde, historikken med slettet tekst medregnet. En fasilitator kan komprimere historikken (Reisen → Komprimer historikken); milepælene blir stående.',
  refused_decided: 'Endringen din ble ikke lagret: prinsippet er foreslått eller vedtatt. Bare en fasilitator kan endre et foreslått prinsipp, og ingen et vedtatt; foreslå en endring i stedet.',
};
