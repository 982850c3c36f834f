// Fails when a React entry point lost its "use client" directive in the build
// (React Server Component frameworks would then render widgets on the server).
import { readFileSync } from 'node:fs';

let failed = false;
for (const file of process.argv.slice(2)) {
  const first = readFileSync(file, 'utf8').trimStart().split('\n', 1)[0];
  if (!/^["']use client["'];?$/.test(first ?? '')) {
    console.error(`${file}: first statement is not "use client"`);
    failed = true;
  } else {
    console.log(`${file}: "use client" ✓`);
  }
}
process.exitCode = failed ? 1 : 0;
