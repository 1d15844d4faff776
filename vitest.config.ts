import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/server/**/*.test.ts', 'test/domain/**/*.test.ts', 'test/build/**/*.test.ts'],
    testTimeout: 30000,
    hookTimeout: 60000,
  },
});
