import { defineConfig } from 'tsup';
import { libraryBuild } from '../../scripts/tsupPreset';

// A CLI and an API for Node: ESM only.
export default defineConfig(libraryBuild({ platform: 'node' }));
