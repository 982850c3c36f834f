/**
 * Every changeset is one `changeset version` can read: front matter of
 * `"package": patch|minor|major` lines naming a workspace package. A Markdown
 * formatter once turned `"credits-core": minor\n---` into a `## …` heading,
 * which makes `changeset status` and `changeset version` fail.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const workspace = new Set([
  'credits-core',
  'credits-react',
  'credits-msw',
  'credits-conformance',
  'credits-server',
]);
const changesets = readdirSync(`${root}/.changeset`).filter(
  (name) => name.endsWith('.md') && name !== 'README.md',
);

describe('changesets', () => {
  it('exist', () => {
    expect(changesets.length).toBeGreaterThan(0);
  });

  it.each(changesets)('%s has front matter changesets can parse', (name) => {
    const text = readFileSync(`${root}/.changeset/${name}`, 'utf8');
    const match = /^---\n((?:"[^"]+": (?:patch|minor|major)\n)+)---\n\n?\S/.exec(text);
    expect(match, `${name}: front matter`).not.toBeNull();
    for (const line of match?.[1]?.trim().split('\n') ?? []) {
      expect(workspace, `${name}: ${line}`).toContain(line.split('"')[1]);
    }
  });
});
