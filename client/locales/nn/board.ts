/** Nynorsk messages of client/board (the page around canvas and outline; ids prefixed `board_`). */
import { str } from '@lit/localize';

export const board = {
  board_conn_connecting: 'Koplar til …',
  board_conn_synced: 'Lagra og oppdatert',
  board_conn_offline: 'Fråkopla: prøver å kople til igjen',
  board_conn_offline_unsent: str`Fråkopla: ${0} endringar blir sende når du er tilbake`,
  board_conn_deleted: 'Denne verkstaden er sletta.',
  board_conn_update_refused: 'Tenaren avviste ei endring. Opnar ikkje denne delen seg att, last sida på nytt.',
  board_conn_refused: 'Tenaren avviste tilkoplinga. Last sida på nytt eller opna invitasjonslenkja di igjen.',
  board_people_count: str`${0} på tavla no`,
  board_people_you: 'deg',
  board_people_follow_label: str`Følg ${0}`,
  board_people_follow: 'Følg',
  board_opening: 'Opnar tavla …',
  board_view: 'Vising',
  board_view_canvas: 'Tavle',
  board_view_outline: 'Oversikt',
  board_read_only: 'Observatør: du kan lese, ikkje endre',
  board_filter: 'Framhev',
  board_filter_all: 'Alle verksemder',
  board_people: 'Her no',
  board_locked: 'Fasilitatoren har låst tavla: du kan lese, ikkje endre',
  board_locked_facilitator: 'Tavla er låst for deltakarane',
  board_summoned: 'Fasilitatoren henta alle hit til denne delen av tavla.',
  board_summoned_back: 'Tilbake dit eg var',
  board_summoned_stay: 'Bli her',
};
