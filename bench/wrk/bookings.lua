-- SPDX-License-Identifier: GPL-3.0-or-later
-- POST /bookings, every request a distinct (person, desk, date, half):
-- request i books open desk i mod D for half (i / D) mod 2 of day
-- first_free_day + i / 2D, as person i mod U (D <= U, so no person gets
-- a half twice).  Every rule is checked by the server and passes, so
-- each request is a full successful booking transaction.
-- PLATZ_BENCH_THREADS: wrk's -t; PLATZ_BENCH_OFFSET: first i (for a
-- second run on the same database).
package.path = (os.getenv("PLATZ_BENCH_LUA") or "bench/wrk") .. "/?.lua;" .. package.path
local common = require("common")

local meta, tokens, n_tokens, desks, dates
local i, step
counts = {}

function setup(thread)
  common.setup(thread)
end

function init(args)
  meta = common.meta()
  tokens, n_tokens = common.tokens()
  desks = common.desks()
  dates = {}
  local first = tonumber(meta.first_free_day)
  for d = 0, tonumber(meta.window_days) - first do
    dates[d] = common.date(meta.today, first + d)
  end
  step = common.env_number("PLATZ_BENCH_THREADS", 1)
  i = common.env_number("PLATZ_BENCH_OFFSET", 0) + (thread_id or 0) - step
end

function request()
  i = i + step
  local n = #desks
  local desk = desks[i % n + 1]
  local half = math.floor(i / n) % 2
  local day = math.floor(i / (2 * n))
  local date = dates[day] or dates[#dates]
  local body = string.format('{"desk_id":%d,"date":"%s","slot":"%s"}', desk, date,
                             half == 0 and "am" or "pm")
  return wrk.format("POST", "/api/v1/bookings",
                    { ["Authorization"] = "Bearer " .. tokens[i % n_tokens + 1],
                      ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  common.count(counts, status)
end

function done(summary, latency, requests)
  common.done(summary, latency, nil)
end
