import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The suite shares 2 cores with Chromium projects; the dialogs' lazy chunk can take
// over a second to load there, as in the story tests (.storybook/preview.tsx).
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => cleanup());
