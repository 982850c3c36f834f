import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serializeOpenApiDocument } from './buildOpenApiDocument';
import { generateOpenApiTypes, OPENAPI_TYPES_PATH } from './generateOpenApiTypes';

const write = (relative: string, text: string) => {
  const target = fileURLToPath(new URL(`../${relative}`, import.meta.url));
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
};

write('openapi.json', serializeOpenApiDocument());
write(OPENAPI_TYPES_PATH, await generateOpenApiTypes());
