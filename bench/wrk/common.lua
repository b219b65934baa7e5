-- SPDX-License-Identifier: GPL-3.0-or-later
-- Shared by the wrk scripts of bench/: reads what bench-gen wrote
-- (PLATZ_BENCH_DIR: meta.txt, tokens.txt, desks.txt), counts answers by
-- status per thread, and prints one "name: value" line per figure in done().
local M = {}

local dir = os.getenv("PLATZ_BENCH_DIR") or "."

function M.meta()
  local meta = {}
  local f = assert(io.open(dir .. "/meta.txt"))
  for line in f:lines() do
    local k, v = line:match("^([%w_]+)=(.*)$")
    if k then meta[k] = v end
  end
  f:close()
  return meta
end

-- tokens[user_id] = token
function M.tokens()
  local tokens, n = {}, 0
  local f = assert(io.open(dir .. "/tokens.txt"))
  for line in f:lines() do
    local id, token = line:match("^(%d+) (%x+)$")
    if id then
      tokens[tonumber(id)] = token
      n = n + 1
    end
  end
  f:close()
  return tokens, n
end

function M.desks()
  local desks = {}
  local f = assert(io.open(dir .. "/desks.txt"))
  for line in f:lines() do
    local id = tonumber(line)
    if id then desks[#desks + 1] = id end
  end
  f:close()
  return desks
end

-- today + days, from meta's "today" (YYYY-MM-DD); noon avoids DST edges.
function M.date(today, days)
  local y, m, d = today:match("^(%d+)-(%d+)-(%d+)$")
  local t = os.time({ year = tonumber(y), month = tonumber(m), day = tonumber(d) + days,
                      hour = 12 })
  return os.date("%Y-%m-%d", t)
end

function M.env_number(name, default)
  return tonumber(os.getenv(name) or "") or default
end

-- Thread bookkeeping: setup() numbers the threads, done() sums their counts.
local threads = {}

function M.setup(thread)
  thread:set("thread_id", #threads)
  threads[#threads + 1] = thread
end

function M.count(counts, status)
  counts[status] = (counts[status] or 0) + 1
end

-- expected: statuses that are part of the workload (e.g. 409 in a race)
function M.done(summary, latency, expected)
  local totals, extra = {}, {}
  for _, t in ipairs(threads) do
    local c = t:get("counts") or {}
    for status, n in pairs(c) do
      totals[status] = (totals[status] or 0) + n
    end
    local x = t:get("extra") or {}
    for k, n in pairs(x) do
      extra[k] = (extra[k] or 0) + n
    end
  end
  local ok, fivexx, unexpected = 0, 0, 0
  local statuses = {}
  for status, n in pairs(totals) do
    statuses[#statuses + 1] = status
    if status >= 200 and status < 300 then
      ok = ok + n
    elseif not (expected and expected[status]) then
      unexpected = unexpected + n
    end
    if status >= 500 then fivexx = fivexx + n end
  end
  table.sort(statuses)
  local errors = summary.errors
  local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format("wrk_requests: %d\n", summary.requests))
  io.write(string.format("wrk_seconds: %.2f\n", seconds))
  io.write(string.format("wrk_rps: %.1f\n", summary.requests / seconds))
  io.write(string.format("wrk_p50_ms: %.3f\n", latency:percentile(50) / 1000))
  io.write(string.format("wrk_p99_ms: %.3f\n", latency:percentile(99) / 1000))
  io.write(string.format("wrk_max_ms: %.3f\n", latency.max / 1000))
  io.write(string.format("wrk_socket_errors: %d\n", socket_errors))
  io.write(string.format("wrk_read_errors: %d\n", errors.read))
  io.write(string.format("wrk_timeouts: %d\n", errors.timeout))
  io.write(string.format("wrk_2xx: %d\n", ok))
  io.write(string.format("wrk_5xx: %d\n", fivexx))
  io.write(string.format("wrk_unexpected_status: %d\n", unexpected))
  for _, status in ipairs(statuses) do
    io.write(string.format("wrk_status_%d: %d\n", status, totals[status]))
  end
  for k, n in pairs(extra) do
    io.write(string.format("wrk_%s: %d\n", k, n))
  end
end

return M
