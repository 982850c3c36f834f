import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../src/createDatabase';

const dir = mkdtempSync(join(tmpdir(), 'credits-lock-'));
const dataDir = join(dir, 'pglite');
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
const holder = fileURLToPath(new URL('./fixtures/holdDataDir.ts', import.meta.url));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the holder process and resolves once it has the database open. */
function holdInAnotherProcess(): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const started = spawn(tsx, [holder, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    started.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(started);
    });
    started.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
}

describe('the embedded database directory', () => {
  it('is refused to a second process, with the reason, and free again once the first stops', async () => {
    child = await holdInAnotherProcess();
    await expect(createDatabase({ dataDir })).rejects.toThrow(
      /in use by another credits server process.*DATABASE_URL/s,
    );
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    const handle = await createDatabase({ dataDir });
    // And within one process too: a second open of a held directory is refused.
    await expect(createDatabase({ dataDir })).rejects.toThrow(/in use/);
    await handle.close();
  }, 120_000);

  it('is taken over from a process that no longer runs (a crash leaves its lock behind)', async () => {
    const crashed = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    const stale = join(dir, 'stale');
    writeFileSync(`${stale}.lock`, JSON.stringify({ pid: crashed, host: hostname() }));
    const handle = await createDatabase({ dataDir: stale });
    await expect(createDatabase({ dataDir: stale })).rejects.toThrow(
      new RegExp(`in use by another credits server process \\(pid ${process.pid}`),
    );
    await handle.close();
  }, 120_000);
});
