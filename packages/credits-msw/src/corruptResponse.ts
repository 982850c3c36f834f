/**
 * Breaks a valid response body the way real backends do: numbers as strings,
 * fractional credits, unknown shapes. Deterministic, per resource.
 */
export function corruptResponse(path: string, body: unknown): unknown {
  if (!body || typeof body !== 'object') return body;
  const copy = structuredClone(body) as Record<string, unknown>;
  if (path.endsWith('/balance')) return { ...copy, used: String(copy.used), total: -1 };
  if (path.endsWith('/config')) return { ...copy, mode: 'banana', limits: null };
  if (Array.isArray(copy.data)) {
    const [first, ...rest] = copy.data as Record<string, unknown>[];
    if (!first) return { ...copy, data: 'none' };
    const broken = { ...first };
    if ('amount' in broken) broken.amount = 12.5;
    if ('price' in broken) broken.price = { amount: 9.99, currency: 'usd' };
    if ('last4' in broken || 'card' in broken) broken.card = { last4: 4242 };
    if ('website' in broken && 'credits' in broken) broken.credits = '1,250';
    return { ...copy, data: [broken, ...rest] };
  }
  if ('status' in copy) return { ...copy, status: undefined, credits: 1.5 };
  return { unexpected: true };
}
