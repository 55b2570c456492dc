/** Bokmål messages of client/board, typed against the Nynorsk ones. */
import { str } from '@lit/localize';
import type { board as nynorsk } from '../nn/board.js';

export const board: Record<keyof typeof nynorsk, string | ReturnType<typeof str>> = {
  board_conn_connecting: 'Kobler til …',
  board_conn_synced: 'Lagret og oppdatert',
  board_conn_offline: 'Frakoblet: prøver å koble til igjen',
  board_conn_offline_unsent: str`Frakoblet: ${0} endringer blir sendt når du er tilbake`,
  board_conn_deleted: 'Dette verkstedet er slettet.',
  board_conn_update_refused: 'Serveren avviste en endring. Åpner ikke denne delen seg igjen, last inn siden på nytt.',
  board_conn_refused: 'Serveren avviste tilkoblingen. Last inn siden på nytt eller åpne invitasjonslenken din igjen.',
  board_people_count: str`${0} på tavla nå`,
  board_people_you: 'deg',
  board_people_follow_label: str`Følg ${0}`,
  board_people_follow: 'Følg',
  board_opening: 'Åpner tavla …',
  board_view: 'Visning',
  board_view_canvas: 'Tavle',
  board_view_outline: 'Oversikt',
  board_read_only: 'Observatør: du kan lese, ikke endre',
  board_filter: 'Fremhev',
  board_filter_all: 'Alle virksomheter',
  board_people: 'Her nå',
  board_locked: 'Fasilitatoren har låst tavla: du kan lese, ikke endre',
  board_locked_facilitator: 'Tavla er låst for deltakerne',
  board_summoned: 'Fasilitatoren hentet alle hit til denne delen av tavla.',
  board_summoned_back: 'Tilbake dit jeg var',
  board_summoned_stay: 'Bli her',
};
