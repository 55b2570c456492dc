/** Nynorsk messages of client/board/outline (ids prefixed `outline_`). */
export const outline = {} as const;
