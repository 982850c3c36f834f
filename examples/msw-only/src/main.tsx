import { createCreditsHandlers } from 'credits-msw';
import { setupWorker } from 'msw/browser';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The very same dashboard as examples/vite-app: only the backend differs.
import { App } from '../../vite-app/src/App';
import 'credits-react/styles.css';
import '../../vite-app/src/app.css';
import { generateWebsite } from './generateWebsite';

/**
 * Before a backend exists: credits-msw answers the contract inside a service
 * worker — stateful, so purchases add credits and "Generate website" spends them (through the
 * fake's Server API, as a host's server would: see generateWebsite.ts).
 */
await setupWorker(...createCreditsHandlers(), generateWebsite).start({
  onUnhandledRequest: 'bypass',
  quiet: true,
});

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
