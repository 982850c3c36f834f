// ESM resolve hook for guard.mjs (runs on the loader thread).
import { fileURLToPath } from 'node:url';

let root = '';
export function initialize(data) {
  root = data.root;
}

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  if (result.url.startsWith('file:')) {
    const file = fileURLToPath(result.url);
    if (!file.startsWith(root)) {
      const from = context.parentURL ? ` (from ${context.parentURL})` : '';
      throw new Error(
        `compat guard: '${specifier}'${from} resolved outside the scratch project, to ${file}`,
      );
    }
  }
  return result;
}
