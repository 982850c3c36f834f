// Loaded with `node --import ./guard.mjs` in every compat cell: fails any module
// resolution that leaves the scratch project. The cells live under the monorepo
// (.cache/compat/<cell>/), and Node walks up to /work/main/node_modules when a
// package is missing — that would hide a dependency the published tarball forgot
// to declare, and test the workspace's react/msw instead of the cell's.
import Module, { register } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = `${dirname(fileURLToPath(import.meta.url))}/`;

function confined(file, request, from) {
  if (!file.startsWith('/') || file.startsWith(root)) return file;
  throw new Error(
    `compat guard: '${request}'${from ? ` (from ${from})` : ''} resolved outside the scratch project, to ${file}`,
  );
}

// CommonJS: every require() goes through here.
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  return confined(resolveFilename.call(this, request, parent, ...rest), request, parent?.filename);
};

// ESM: import and import() (and, on newer Node, require() inside imported CommonJS).
register('./guard-hooks.mjs', import.meta.url, { data: { root } });
