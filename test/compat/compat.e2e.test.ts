import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

/**
 * Issue 9: the PUBLISHED packages (pnpm pack → npm install) work on Node 20 and 24,
 * React 18.3 and 19, and credits-msw with msw 2 and 3. The matrix lives in
 * scripts/compat/run.mjs; this test runs it and insists on every cell by name, so a
 * cell that is dropped or silently skipped fails here. Every cell also runs credits-conformance's
 * published bin against credits-msw over HTTP. Some cells also type-check a host
 * (scripts/compat/host.tsx) against the published .d.ts files. Needs `pnpm run build` first.
 */
const CELLS = [
  'node20-react18.3-msw2',
  'node20-react19-msw2',
  'node24-react19-msw2',
  'node24-react18.3-msw2',
  'node24-react19-msw3',
  // msw 3 on Node 20: everything works except msw's own setupServer, which must fail
  // with `Promise.withResolvers is not a function` (asserted inside the cell).
  'node20-react19-msw3',
];

/**
 * Cells that are TypeScript hosts too: host.tsx must compile against the published .d.ts
 * files with `--strict --skipLibCheck false`, once per pair of React and msw types.
 */
const TYPECHECKED = ['node20-react18.3-msw2', 'node20-react19-msw2', 'node24-react19-msw3'];
const TYPECHECKS = ['node16, ESM host', 'bundler', 'node20, CommonJS host'];

/**
 * Checks every cell must print an `ok` line for: credits-conformance is published as a CLI,
 * so its installed bin runs the whole kit against credits-msw's HTTP server (both from the
 * tarballs), and must fail, with its reason, against a closed port and without --base-url.
 */
const EVERY_CELL = [
  'ESM import credits-conformance',
  'credits-conformance CLI (published bin) passes against credits-msw over HTTP',
  'credits-conformance CLI (published bin) fails against a closed port, and without --base-url',
];

const root = fileURLToPath(new URL('../..', import.meta.url));

function runMatrix(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/compat/run.mjs'], {
      cwd: root,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

it('every compat cell passes with the packed packages', { timeout: 600_000 }, async () => {
  const { code, output } = await runMatrix();
  const verdicts = [...output.matchAll(/^compat cell (\S+): (PASS|FAIL)\b.*$/gm)];
  const passed = new Set(verdicts.filter((m) => m[2] === 'PASS').map((m) => m[1]));
  const failures = new Set(verdicts.filter((m) => m[2] === 'FAIL').map((m) => m[0]));
  // run.mjs ends with one line per cell and a tally: enough to see what went wrong.
  const summary = output.slice(output.lastIndexOf('\n\n') + 1) || output.slice(-4_000);

  expect([...failures], summary).toEqual([]);
  expect(code, summary).toBe(0);
  expect([...passed].sort(), summary).toEqual([...CELLS].sort());
  expect(output).toMatch(new RegExp(`^compat: ${CELLS.length} passed, 0 failed\\b`, 'm'));

  // A passing cell could still have skipped its type-checks: insist on each one's ok line.
  const typechecked = TYPECHECKED.flatMap((cell) =>
    TYPECHECKS.filter((run) =>
      output.includes(`  [${cell}] ok   host type-check (${run}) — tsc `),
    ).map((run) => `${cell}: ${run}`),
  );
  expect(typechecked, summary).toEqual(
    TYPECHECKED.flatMap((cell) => TYPECHECKS.map((run) => `${cell}: ${run}`)),
  );

  // Likewise the checks every cell runs, named here so that one dropped from smoke.mjs fails.
  const everywhere = CELLS.flatMap((cell) =>
    EVERY_CELL.filter((check) => output.includes(`  [${cell}] ok   ${check} — `)).map(
      (check) => `${cell}: ${check}`,
    ),
  );
  expect(everywhere, summary).toEqual(
    CELLS.flatMap((cell) => EVERY_CELL.map((check) => `${cell}: ${check}`)),
  );
});
