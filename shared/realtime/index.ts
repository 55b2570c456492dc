/** The socket.io contract: commands (zod), results, broadcasts and the typed event maps. */
export * from './commands.js';
export * from './events.js';
export * from './broadcasts.js';
export * from './timer.js';
