import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { DEFAULT_BASE_URL } from 'credits-msw';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  buildOpenApiDocument,
  DEFAULT_SERVER_URL,
  namedSchemas,
  serializeOpenApiDocument,
} from '../contract/buildOpenApiDocument';
import { generateOpenApiTypes, OPENAPI_TYPES_PATH } from '../contract/generateOpenApiTypes';
import { operations } from '../src/index';
import { serverOperations } from '../src/server/index';

const committedPath = fileURLToPath(new URL('../openapi.json', import.meta.url));
const committedTypesPath = fileURLToPath(new URL(`../${OPENAPI_TYPES_PATH}`, import.meta.url));

describe('the OpenAPI document and the code cannot drift', () => {
  it('the committed openapi.json is exactly what the schemas generate', () => {
    // If this fails: run `pnpm generate:openapi` and commit the result.
    expect(readFileSync(committedPath, 'utf8')).toBe(serializeOpenApiDocument());
  });

  it('the committed openapi-typescript output is what the tool makes of that document', async () => {
    // test/openapiTypes.test-d.ts compiles it against the client's types.
    expect(readFileSync(committedTypesPath, 'utf8')).toBe(await generateOpenApiTypes());
  });

  it('has an example for every schema, valid by the client’s schema and the document’s', () => {
    const document = buildOpenApiDocument();
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'https://credits.invalid/openapi.json', ...document });
    const components = document.components.schemas as Record<string, { examples?: unknown[] }>;
    expect(Object.keys(components).sort()).toEqual(Object.keys(namedSchemas).sort());
    for (const [name, schema] of Object.entries(namedSchemas)) {
      const examples = components[name]?.examples ?? [];
      expect(examples.length, name).toBeGreaterThan(0);
      const validate = ajv.getSchema(
        `https://credits.invalid/openapi.json#/components/schemas/${name}`,
      )!;
      for (const example of examples) {
        const parsed = v.safeParse(schema, example);
        expect(parsed.issues?.map((issue) => `${name}: ${issue.message}`) ?? []).toEqual([]);
        validate(example);
        expect(validate.errors ?? [], name).toEqual([]);
      }
    }
  });

  it('the schemas’ checks and the document agree: an example that breaks one is refused by both', () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'https://credits.invalid/openapi.json', ...buildOpenApiDocument() });
    const validate = ajv.getSchema(
      'https://credits.invalid/openapi.json#/components/schemas/Config',
    )!;
    const broken = {
      apiVersion: 'string',
      mode: 'test',
      currency: 'usd',
      limits: { maxPageSize: 1, defaultPageSize: 1 },
    };
    expect(validate(broken)).toBe(false);
    expect(v.safeParse(namedSchemas.Config, broken).success).toBe(false);
  });

  it('names the base path the backends serve as the default server', () => {
    const { servers } = buildOpenApiDocument();
    expect(servers[0]?.variables.baseUrl.default).toBe(DEFAULT_SERVER_URL);
    expect(new URL(DEFAULT_SERVER_URL).pathname).toBe(DEFAULT_BASE_URL);
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

  it('requires an Idempotency-Key exactly on the purchase, setup and Server API write operations', () => {
    const document = buildOpenApiDocument();
    const keyed = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods as Record<string, { parameters?: { $ref?: string }[] }>)
        .filter(([, op]) => op.parameters?.some((p) => p.$ref?.endsWith('/IdempotencyKey')))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(keyed.sort()).toEqual([
      'POST /purchases',
      'POST /server/accounts/{accountId}/adjustments',
      'POST /server/accounts/{accountId}/grants',
      'POST /server/accounts/{accountId}/holds',
      'POST /server/accounts/{accountId}/usage',
      'POST /setup-intents',
    ]);
  });

  it('puts the Server API under its own key, and nothing else under it', () => {
    const document = buildOpenApiDocument();
    expect(document.components.securitySchemes.apiKeyAuth).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'X-Api-Key',
    });
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(
        methods as Record<string, { tags: string[]; security?: unknown }>,
      )) {
        const server = path.startsWith('/server/');
        expect(operation.tags, `${method} ${path}`).toEqual(
          server ? ['Server API'] : expect.any(Array),
        );
        // The browser's operations keep the document's default (bearer or cookie), never the key.
        expect(operation.security, `${method} ${path}`).toEqual(
          server ? [{ apiKeyAuth: [] }] : undefined,
        );
      }
    }
    for (const [id, operation] of Object.entries(serverOperations)) {
      const entry = (document.paths[operation.path] as Record<string, { operationId: string }>)[
        operation.method.toLowerCase()
      ];
      expect(entry?.operationId).toBe(id);
    }
  });

  it('documents on every operation the statuses CONTRACT.md lists for a failing backend, and 415 where there is a body', () => {
    const document = buildOpenApiDocument();
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(
        methods as Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>,
      )) {
        const statuses = Object.keys(operation.responses);
        const where = `${method.toUpperCase()} ${path}`;
        // internal_error 500, service_unavailable 502–504 (CONTRACT.md, Errors).
        expect(statuses, where).toEqual(expect.arrayContaining(['500', '502', '503', '504']));
        if (operation.requestBody) expect(statuses, where).toContain('415');
      }
    }
  });

  it('types money as integers and never uses floats for credits', () => {
    const text = serializeOpenApiDocument();
    expect(text).not.toMatch(/"type": "number"/);
  });
});
