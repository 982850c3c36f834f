import { defineConfig } from 'tsup';
import { libraryBuild } from '../../scripts/tsupPreset';

export default defineConfig(
  libraryBuild({
    cjs: {
      index: 'src/index.ts',
      query: 'src/query/index.ts',
      sandbox: 'src/sandbox/index.ts',
      payments: 'src/payments/index.ts',
      export: 'src/export/index.ts',
      live: 'src/live/index.ts',
      'auto-recharge': 'src/autoRecharge/index.ts',
      server: 'src/server/index.ts',
    },
  }),
);
