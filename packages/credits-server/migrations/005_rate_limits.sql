-- Rate limits (purchase and SetupIntent creations per account, against card testing) in the
-- database, so every instance behind a load balancer counts against the same limit. A fixed
-- window: one row per (account, scope, window start), counted up atomically by
-- INSERT … ON CONFLICT DO UPDATE (see src/createRateLimiter.ts). Windows that are over are
-- deleted opportunistically (by window_start, hence the index).
CREATE TABLE IF NOT EXISTS rate_limits (
  account_id text NOT NULL,
  scope text NOT NULL,
  window_start timestamptz NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (account_id, scope, window_start)
);
CREATE INDEX IF NOT EXISTS rate_limits_window_start ON rate_limits (window_start);
