import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, serializeOpenApiDocument } from '../contract/buildOpenApiDocument';
import { operations } from '../src/index';

const committedPath = fileURLToPath(new URL('../openapi.json', import.meta.url));

describe('the OpenAPI document and the code cannot drift', () => {
  it('the committed openapi.json is exactly what the schemas generate', () => {
    // If this fails: run `pnpm generate:openapi` and commit the result.
    expect(readFileSync(committedPath, 'utf8')).toBe(serializeOpenApiDocument());
  });

  it('documents every operation the client calls, with its method and path', () => {
    const document = buildOpenApiDocument();
    for (const [id, operation] of Object.entries(operations)) {
      const entry = (document.paths[operation.path] as Record<string, { operationId: string }>)[
        operation.method.toLowerCase()
      ];
      expect(entry?.operationId, id).toBe(id);
    }
  });

  it('requires an Idempotency-Key exactly on the purchase and setup operations', () => {
    const document = buildOpenApiDocument();
    const keyed = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods as Record<string, { parameters?: { $ref?: string }[] }>)
        .filter(([, op]) => op.parameters?.some((p) => p.$ref?.endsWith('/IdempotencyKey')))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(keyed.sort()).toEqual(['POST /purchases', 'POST /setup-intents']);
  });

  it('types money as integers and never uses floats for credits', () => {
    const text = serializeOpenApiDocument();
    expect(text).not.toMatch(/"type": "number"/);
  });
});
