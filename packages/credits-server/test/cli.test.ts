import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** `credits-server …` as a deploy script runs it: only the environment it is given. */
function run(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', cli, ...args],
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('the credits-server CLI', () => {
  it('migrate creates the schema in DATA_DIR and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'credits-cli-'));
    dirs.push(dir);
    const { code, stdout } = await run(['migrate'], { DATA_DIR: join(dir, 'pglite') });
    expect(stdout).toContain(`migrated PGlite in ${join(dir, 'pglite')}`);
    expect(code).toBe(0);
    expect(existsSync(join(dir, 'pglite', 'PG_VERSION'))).toBe(true);
  }, 150_000);

  it('start without a sign-in refuses, naming the variables, and exits 1', async () => {
    const { code, stderr } = await run(['start'], { DATA_DIR: join(tmpdir(), 'never-opened') });
    expect(stderr).toMatch(/No sign-in configured: set AUTH_JWT_SECRET/);
    expect(code).toBe(1);
  }, 150_000);

  it('an unknown command prints the usage and exits 1', async () => {
    const { code, stderr } = await run(['serve'], {});
    expect(stderr).toContain('Usage: credits-server <command>');
    expect(code).toBe(1);
  }, 150_000);
});
