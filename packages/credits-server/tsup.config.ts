import { defineConfig } from 'tsup';
import { libraryBuild } from '../../scripts/tsupPreset';

// A fetch handler and a CLI for Node: ESM only (the migrations are read next to dist/).
export default defineConfig(libraryBuild({ platform: 'node' }));
