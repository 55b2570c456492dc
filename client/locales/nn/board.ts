/** Nynorsk messages of client/board (ids prefixed `board_`). */
export const board = {} as const;
