-- The load generator of scripts/bench/ledger.ts in C: wrk (Debian's package), driven by this
-- script, does what ledgerClients.mjs does in a Node worker, without taking a core's worth of
-- Node CPU from the server it measures. Run with one connection per thread (-t N -c N), so that
-- each thread is one client: it posts debits back to back, each with a unique Idempotency-Key,
-- and stops after the first response that ends past the measured window. No debit is left in
-- flight (a thread that did not stop itself before wrk's -d ran out is reported as unfinished),
-- so the ledger check can compare the database's rows with the 2xx responses counted.
-- (wrk calls request() once more in the first thread's state to verify it; that one is not sent.)
--
--   wrk -t N -c N -d <warm-up + window + margin>s --timeout 30s -s ledgerWrk.lua <origin> \
--     -- <path> <warm-up ms> <window ms> <run id> <credits> <token,token,...> <api key>
--
-- <path> is the Server API's usage path with `{account}` where the account (acct_<token>) goes.
--
-- Prints one line, "LEDGER_WRK_RESULT {json}", with the same figures as ledgerClients.mjs.

local ffi = require("ffi")
ffi.cdef([[
typedef struct { long tv_sec; long tv_nsec; } ledger_timespec;
int clock_gettime(int clock, ledger_timespec *time);
]])
local clock = ffi.new("ledger_timespec")
-- CLOCK_MONOTONIC, in milliseconds: one clock for every thread of the process.
local function now_ms()
  ffi.C.clock_gettime(1, clock)
  return tonumber(clock.tv_sec) * 1e3 + tonumber(clock.tv_nsec) / 1e6
end

local threads = {}
local started

function setup(thread)
  started = started or now_ms()
  thread:set("index", #threads)
  thread:set("started", started)
  table.insert(threads, thread)
end

local path, run_id, credits, token, index
local window_start, window_end
local n, began = 0, nil
local request_headers

function init(args)
  run_id, credits = args[4], args[5]
  local tokens = {}
  for found in string.gmatch(args[6], "[^,]+") do
    tokens[#tokens + 1] = found
  end
  index = wrk.thread:get("index")
  token = tokens[index % #tokens + 1]
  path = string.gsub(args[1], "{account}", "acct_" .. token)
  window_start = wrk.thread:get("started") + tonumber(args[2])
  window_end = window_start + tonumber(args[3])
  request_headers = { ["X-Api-Key"] = args[7], ["Content-Type"] = "application/json" }
  -- Read back by done(), in wrk's main Lua state.
  succeeded, completed_in_window, finished = 0, 0, false
  latencies, errors = {}, {}
end

function request()
  request_headers["Idempotency-Key"] = run_id .. "-" .. index .. "-" .. n
  local body = '{"credits":' .. credits .. ',"description":"Website generation","websiteId":"web_'
    .. (n % 5) .. '"}'
  n = n + 1
  began = now_ms()
  return wrk.format("POST", path, request_headers, body)
end

function response(status, _, body)
  local ended = now_ms()
  if status >= 200 and status < 300 then
    succeeded = succeeded + 1
    if began >= window_start then
      latencies[#latencies + 1] = ended - began
    end
    if ended >= window_start and ended <= window_end then
      completed_in_window = completed_in_window + 1
    end
  else
    local key = tostring(status)
    local entry = errors[key]
    if entry then
      entry.count = entry.count + 1
    else
      errors[key] = { count = 1, sample = string.sub(body or "", 1, 300) }
    end
  end
  if ended >= window_end then
    finished = true
    wrk.thread:stop()
  end
end

local function json_string(text)
  return '"' .. (string.gsub(text, '[%c"\\]', function(char)
    return string.format("\\u%04x", string.byte(char))
  end)) .. '"'
end

function done(summary)
  local totals = { succeeded = 0, completed = 0, unfinished = 0 }
  local samples, merged = {}, {}
  for _, thread in ipairs(threads) do
    totals.succeeded = totals.succeeded + thread:get("succeeded")
    totals.completed = totals.completed + thread:get("completed_in_window")
    if not thread:get("finished") then
      totals.unfinished = totals.unfinished + 1
    end
    local latencies = thread:get("latencies")
    for i = 1, #latencies do
      samples[#samples + 1] = string.format("%.3f", latencies[i])
    end
    for status, entry in pairs(thread:get("errors")) do
      local into = merged[status]
      if into then
        into.count = into.count + entry.count
      else
        merged[status] = { count = entry.count, sample = entry.sample }
      end
    end
  end
  local errors = {}
  for status, entry in pairs(merged) do
    errors[#errors + 1] = string.format('{"status":%s,"count":%d,"sample":%s}', json_string(status),
      entry.count, json_string(entry.sample))
  end
  for _, kind in ipairs({ "connect", "read", "write", "timeout" }) do
    local count = summary.errors[kind]
    if count > 0 then
      errors[#errors + 1] = string.format('{"status":"socket %s","count":%d,"sample":""}', kind, count)
    end
  end
  io.write(string.format(
    'LEDGER_WRK_RESULT {"completedInWindow":%d,"succeeded":%d,"unfinished":%d,"latencies":[%s],"errors":[%s]}\n',
    totals.completed, totals.succeeded, totals.unfinished,
    table.concat(samples, ","), table.concat(errors, ",")))
end
