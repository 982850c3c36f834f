/** PostgreSQL's unique_violation (23505), also through drizzle's wrapper (`cause`). */
export function isUniqueViolation(error: unknown): boolean {
  for (let found = error; found; found = (found as { cause?: unknown }).cause) {
    if ((found as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
