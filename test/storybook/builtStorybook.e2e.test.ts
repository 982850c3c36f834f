/**
 * The built Storybook shows each story's named state: the static build (what
 * designers open, a production bundle served over HTTP with MSW's service
 * worker) is opened in Debian's Chromium story by story, and every play
 * function must run to its end without an error.
 *
 * The story tests (`storybook` project) run the same play functions against
 * Vite's dev server; they passed while the built Storybook left 10 of the 15
 * AddCreditsDialog stories on the package screen: in the production bundle the
 * scripted click on Pay (or "Use a new card") came in the moment between "payment
 * provider ready" and "purchase flow created", and the form dropped it silently
 * (fixed in 93e9a94: Pay is enabled only once a press can start a payment).
 * Only a test of the build itself catches that class of defect.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Browser, chromium, type Page } from 'playwright';
import { type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumExecutable } from '../../.storybook/chromium';

const repo = fileURLToPath(new URL('../..', import.meta.url));

interface IndexEntry {
  id: string;
  type: 'story' | 'docs';
  title: string;
  name: string;
  tags: string[];
}

/** What happened to each story's render, as Storybook's preview announces it on its channel. */
interface Recorder {
  phases: Record<string, string[]>;
  errors: Record<string, string[]>;
  current?: string;
}

declare global {
  interface Window {
    __storyRecorder?: Recorder;
  }
}

interface Channel {
  on: (event: string, listener: (payload: never) => void) => void;
  emit: (event: string, payload: unknown) => void;
}

/**
 * Installed before any of the page's scripts: subscribes to the preview's channel the
 * moment Storybook creates it, so no phase is missed however fast a story plays.
 */
function recordStoryPhases() {
  const recorder: Recorder = { phases: {}, errors: {} };
  window.__storyRecorder = recorder;
  const error = (text: string) => {
    if (!recorder.current) return;
    recorder.errors[recorder.current] = [...(recorder.errors[recorder.current] ?? []), text];
  };
  let channel: Channel | undefined;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value: Channel) {
      channel = value;
      value.on(
        'storyRenderPhaseChanged',
        ({ newPhase, storyId }: { newPhase: string; storyId: string }) => {
          recorder.phases[storyId] = [...(recorder.phases[storyId] ?? []), newPhase];
        },
      );
      for (const event of ['storyThrewException', 'playFunctionThrewException', 'storyErrored'])
        value.on(event, (payload: { message?: string; description?: string }) =>
          error(`${event}: ${payload?.message ?? payload?.description ?? String(payload)}`),
        );
    },
  });
  // A failed play function's message is printed to the console.
  const consoleError = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    error(args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' '));
    consoleError(...args);
  };
}

/** A render is over once it completed (play function included) or stopped on an error. */
const ENDED = ['completed', 'errored', 'aborted'];

const prebuilt = process.env.STORYBOOK_STATIC_DIR;
let dir: string;
let server: PreviewServer;
let browser: Browser;
let page: Page;
let baseUrl: string;
let stories: IndexEntry[] = [];

beforeAll(async () => {
  // A build made already (STORYBOOK_STATIC_DIR, e.g. `pnpm build-storybook`'s storybook-static)
  // is used as it is; otherwise the build a designer opens is made here (production mode).
  if (prebuilt) dir = prebuilt;
  else {
    dir = await mkdtemp(join(tmpdir(), 'storybook-static-'));
    await promisify(execFile)(
      join(repo, 'node_modules/.bin/storybook'),
      ['build', '--output-dir', dir, '--quiet', '--disable-telemetry'],
      { cwd: repo, maxBuffer: 64 * 1024 * 1024 },
    );
  }
  const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as {
    entries: Record<string, IndexEntry>;
  };
  stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
  server = await preview({
    configFile: false,
    root: dir,
    build: { outDir: dir },
    preview: { port: 0, host: '127.0.0.1' },
    logLevel: 'error',
  });
  baseUrl = (server.resolvedUrls?.local[0] ?? '').replace(/\/$/, '');
  browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  await context.addInitScript(recordStoryPhases);
  page = await context.newPage();
  // The first story loads the preview; the others are shown in the same frame.
  await page.goto(`${baseUrl}/iframe.html?id=${stories[0]?.id}&viewMode=story`);
  await page.waitForFunction(
    ([id, ended]) =>
      window.__storyRecorder?.phases[id as string]?.some((phase) => ended?.includes(phase)),
    [stories[0]?.id, ENDED] as const,
    { timeout: 60_000, polling: 100 },
  );
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (server) await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  if (dir && !prebuilt) await rm(dir, { recursive: true, force: true });
});

/**
 * Shows one story in the preview frame, as the manager does when a designer picks it
 * (the frame stays, the story changes), and waits for its render to end.
 */
async function play(story: IndexEntry) {
  await page.evaluate((id) => {
    const recorder = window.__storyRecorder as Recorder;
    // The story the frame opened with has played already.
    if (recorder.current === undefined && recorder.phases[id]) {
      recorder.current = id;
      return;
    }
    recorder.current = id;
    delete recorder.phases[id];
    delete recorder.errors[id];
    (
      window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: Channel }
    ).__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', {
      storyId: id,
      viewMode: 'story',
    });
  }, story.id);
  await page.waitForFunction(
    ([id, ended]) =>
      window.__storyRecorder?.phases[id as string]?.some((phase) => ended?.includes(phase)),
    [story.id, ENDED] as const,
    // Longer than any play function's own waits (15 s at most).
    { timeout: 60_000, polling: 100 },
  );
  return page.evaluate(
    (id) => ({
      phases: window.__storyRecorder?.phases[id] ?? [],
      errors: window.__storyRecorder?.errors[id] ?? [],
    }),
    story.id,
  );
}

describe('the built Storybook', () => {
  it('lists the stories, AddCreditsDialog among them', () => {
    expect(stories.length).toBeGreaterThan(50);
    expect(
      stories.filter((story) => story.title === 'Widgets/AddCreditsDialog').length,
    ).toBeGreaterThanOrEqual(15);
  });

  it('plays every story with a play function to its end, without an error', async () => {
    const failures: string[] = [];
    let played = 0;
    for (const story of stories) {
      const { phases, errors } = await play(story);
      const hasPlay = story.tags.includes('play-fn');
      if (hasPlay && phases.includes('played')) played += 1;
      const ok =
        errors.length === 0 &&
        phases.includes('completed') &&
        !phases.includes('errored') &&
        (!hasPlay || phases.includes('played'));
      if (!ok)
        failures.push(
          `${story.title} › ${story.name}: ${phases.join(' → ')}${errors.length ? `\n  ${errors.join('\n  ')}` : ''}`,
        );
    }
    expect(failures, 'stories whose play function did not finish in the build').toEqual([]);
    expect(played).toBe(stories.filter((story) => story.tags.includes('play-fn')).length);
  }, 600_000);
});
