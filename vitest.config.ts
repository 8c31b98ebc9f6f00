import { defineConfig } from 'vitest/config';

// One Vitest run over every package (npm test); each package keeps its own config for `pnpm test` there.
export default defineConfig({
  test: {
    projects: [
      'packages/shared/vitest.config.ts',
      'packages/aws-sim/vitest.config.ts',
      'apps/bff/vitest.config.ts',
      'apps/web/vite.config.ts',
      { test: { name: 'repo', include: ['scripts/**/*.test.ts'] } },
    ],
  },
});
