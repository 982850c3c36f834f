import { configure } from '@testing-library/react';

// In Chromium on a loaded 2-core CI machine, the dialogs' lazy chunk is transformed by
// Vite on first use and can take over a second, as in the jsdom and story tests.
configure({ asyncUtilTimeout: 5_000 });
