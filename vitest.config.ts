import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Two files at a time: most tests wait on sockets, browsers and timers, so the suite takes about
    // 9 minutes instead of 12.5 on a 2-core machine (every file still passes under that load).
    maxWorkers: 2,
  },
});
