import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createCreditsBackend, createCreditsHandlers } from 'credits-msw';
import { type CreditsServer, startCreditsServer } from 'credits-msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

/** Runs the CLI as a user would, in its own Node process (tsx resolves the workspace sources). */
function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let server: CreditsServer;
beforeAll(async () => {
  server = await startCreditsServer({
    handlers: createCreditsHandlers({ backend: createCreditsBackend(), requireAuth: true }),
  });
});
afterAll(() => server.close());

describe('credits-conformance CLI', () => {
  it('prints a line per check and exits 0 when the backend conforms', async () => {
    const { code, stdout } = await run([
      '--base-url',
      server.baseUrl,
      '--token',
      'T',
      '--only',
      'config',
      '--only',
      'errors',
    ]);
    const lines = stdout.trim().split('\n');
    // The header line the README shows, before the first result.
    expect(lines[0]).toBe(
      `credits-conformance against ${server.baseUrl} (mode: test, contract 1.0)`,
    );
    expect(stdout).toMatch(/✓ config\.schema/);
    expect(stdout).toMatch(/✓ errors\.unauthenticated/);
    expect(lines.at(-1)).toBe('7 passed, 0 failed');
    expect(code).toBe(0);
  });

  it('exits 1 when a check fails', async () => {
    const { code, stdout } = await run([
      '--base-url',
      `${server.origin}/wrong/base`,
      '--only',
      'balance.schema',
    ]);
    expect(stdout).toMatch(/✗ balance\.schema/);
    expect(code).toBe(1);
  });

  it('names why a backend cannot be reached (a closed port: ECONNREFUSED)', async () => {
    const closed = await startCreditsServer({ handlers: createCreditsHandlers() });
    const url = closed.baseUrl;
    await closed.close();
    const { code, stdout } = await run(['--base-url', url, '--only', 'config.schema']);
    expect(stdout).toMatch(/✗ config\.schema/);
    expect(stdout).toMatch(/could not run: fetch failed \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)/);
    expect(code).toBe(1);
  });

  it('prints JSON with --json and usage without --base-url', async () => {
    const json = await run([
      '--base-url',
      server.baseUrl,
      '--token',
      'T',
      '--only',
      'packages',
      '--json',
    ]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      passed: 1,
      failed: 0,
      results: [{ id: 'packages.schema' }],
    });
    const usage = await run([]);
    // A usage error goes to stderr so it never pollutes piped --json output.
    expect(usage.stderr).toMatch(/Usage: credits-conformance --base-url URL/);
    expect(usage.stdout).toBe('');
    expect(usage.code).toBe(2);
  });
});
