import { defineConfig } from 'tsup';
import { libraryBuild } from '../../scripts/tsupPreset';

export default defineConfig(
  libraryBuild({ cjs: { index: 'src/index.ts', node: 'src/node/index.ts' } }),
);
