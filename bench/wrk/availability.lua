-- SPDX-License-Identifier: GPL-3.0-or-later
-- GET /floors/{id}/availability of the 300-desk floor for tomorrow, each
-- request as another user (the token rotates over all sessions).
package.path = (os.getenv("PLATZ_BENCH_LUA") or "bench/wrk") .. "/?.lua;" .. package.path
local common = require("common")

local meta, tokens, n_tokens, path
local k = 0
counts = {}

function setup(thread)
  common.setup(thread)
end

function init(args)
  meta = common.meta()
  tokens, n_tokens = common.tokens()
  path = string.format("/api/v1/floors/%s/availability?date=%s", meta.floor,
                       common.date(meta.today, 1))
  k = (thread_id or 0) * 7919
end

function request()
  k = k + 1
  local token = tokens[k % n_tokens + 1]
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end

function response(status, headers, body)
  common.count(counts, status)
end

function done(summary, latency, requests)
  common.done(summary, latency, nil)
end
