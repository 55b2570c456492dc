/** Nynorsk messages of client/board/canvas (ids prefixed `canvas_`). */
export const canvas = {} as const;
