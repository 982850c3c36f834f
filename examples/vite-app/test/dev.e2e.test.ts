import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../..', import.meta.url));

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** One smoke test on the README's main-job command itself: it serves the demo, and Ctrl-C stops everything. */
it('`npm run dev` serves the demo app and its API, and SIGINT stops both', async () => {
  const [api, app] = [await freePort(), await freePort()];
  const data = mkdtempSync(join(tmpdir(), 'credits-dev-'));
  const child = spawn('npm', ['run', 'dev'], {
    cwd: repo,
    detached: true,
    env: { ...process.env, PORT_API: String(api), PORT_APP: String(app), DATA_DIR: data },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  try {
    // Ready means what a newcomer sees: the page and its API answer. (Logs are only
    // checked for the URL line; CI=1 turns colours on, so compare them without ANSI.)
    // Signed in as the app does it: the host's GET /session, then its token on the API.
    const signIn = async () => {
      const session = await fetch(`http://127.0.0.1:${app}/session`);
      if (!session.ok) throw new Error(`/session answered ${session.status}`);
      const { token } = (await session.json()) as { token: string };
      return { Authorization: `Bearer ${token}` };
    };
    const ready = () =>
      signIn()
        .then((headers) => fetch(`http://127.0.0.1:${app}/api/credits/v1/config`, { headers }))
        .then(
          (response) => response.ok,
          () => false,
        );
    // `npm run dev` installs and rebuilds every package first: minutes on 2 busy cores.
    await expect.poll(ready, { timeout: 300_000, interval: 500 }).toBe(true);
    expect(stripVTControlCharacters(output), output).toContain(
      `› demo: open http://127.0.0.1:${app}`,
    );
    expect((await fetch(`http://127.0.0.1:${app}/`)).status).toBe(200);
    const balance = await fetch(`http://127.0.0.1:${app}/api/credits/v1/balance`, {
      headers: await signIn(),
    });
    expect(balance.status).toBe(200);
    // And nobody else gets in: the demo sign-in (token = account) is off.
    const guessed = await fetch(`http://127.0.0.1:${app}/api/credits/v1/balance`, {
      headers: { Authorization: 'Bearer demo' },
    });
    expect(guessed.status).toBe(401);
    expect(await balance.json()).toMatchObject({ total: expect.any(Number) });
  } finally {
    process.kill(-(child.pid as number), 'SIGINT');
    await exited;
    rmSync(data, { recursive: true, force: true });
    // Stopped in the middle of its build (`rm -rf dist && tsup`), it leaves packages
    // without dist: build them again so the tests after this one find them.
    const built = ['credits-core/dist/index.js', 'credits-react/dist/styles.css'].every((file) =>
      existsSync(`${repo}/packages/${file}`),
    );
    if (!built) spawnSync('pnpm', ['run', 'build'], { cwd: repo, stdio: 'ignore' });
  }
  // Nothing keeps listening after Ctrl-C.
  await expect
    .poll(
      () =>
        fetch(`http://127.0.0.1:${api}/api/credits/v1/config`).then(
          () => 'up',
          () => 'down',
        ),
      { timeout: 10_000 },
    )
    .toBe('down');
  await expect
    .poll(
      () =>
        fetch(`http://127.0.0.1:${app}/`).then(
          () => 'up',
          () => 'down',
        ),
      { timeout: 10_000 },
    )
    .toBe('down');
}, 480_000);
