/** Where a change to a server document came from (every write is tagged). */
export const Origin = { client: 'client', store: 'store', remote: 'remote', server: 'server' } as const;
