import * as v from 'valibot';
import { idSchema } from './primitives.js';

/**
 * The website that spent (or received) credits. `url` is whatever the backend
 * stored: clients must link it only when it is an absolute `http:`/`https:` URL.
 */
export const websiteSchema = v.object({
  id: idSchema,
  name: v.string(),
  url: v.nullish(v.string()),
});

export type Website = v.InferOutput<typeof websiteSchema>;
