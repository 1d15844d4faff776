import { defineConfig } from 'vitest/config';

// End-to-end tests: the real server as a child process, driven in Chromium. One file at a time,
// generous timeouts (the first PDF renders in a worker thread that has to start).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
