-- SPDX-License-Identifier: GPL-3.0-or-later
-- Mixed load: 80 % availability of a random floor and day, 10 % desk
-- search on a site, 10 % writes: a booking of a random open desk for a
-- random person, half and day, or, when the thread holds bookings it
-- made, the cancellation of one of them (by its owner).  409 and 422 are
-- part of this workload (random picks collide); any other non-2xx is not.
package.path = (os.getenv("PLATZ_BENCH_LUA") or "bench/wrk") .. "/?.lua;" .. package.path
local common = require("common")

local meta, tokens, n_tokens, desks, floors
local made = {}      -- { id, user } of bookings to cancel
counts = {}
extra = { bookings_made = 0, bookings_cancelled = 0 }

function setup(thread)
  common.setup(thread)
end

function init(args)
  meta = common.meta()
  tokens, n_tokens = common.tokens()
  desks = common.desks()
  floors = {}
  for f in meta.floors:gmatch("%d+") do floors[#floors + 1] = f end
  math.randomseed(1000 + (thread_id or 0))
end

local function auth(user)
  return { ["Authorization"] = "Bearer " .. tokens[user] }
end

function request()
  local r = math.random(100)
  local user = math.random(n_tokens)
  if r <= 80 then
    local path = string.format("/api/v1/floors/%s/availability?date=%s",
                               floors[math.random(#floors)],
                               common.date(meta.today, math.random(0, 6)))
    return wrk.format("GET", path, auth(user))
  elseif r <= 90 then
    local slots = { "am", "pm", "full_day" }
    local path = string.format("/api/v1/desks/search?date=%s&slot=%s&site_id=%d",
                               common.date(meta.today, math.random(0, 6)),
                               slots[math.random(3)], math.random(2))
    return wrk.format("GET", path, auth(user))
  elseif #made > 0 and r <= 95 then
    local b = table.remove(made, 1)
    extra.bookings_cancelled = extra.bookings_cancelled + 1
    return wrk.format("DELETE", "/api/v1/bookings/" .. b.id, auth(b.user))
  else
    local slots = { "am", "pm", "full_day" }
    local body = string.format('{"desk_id":%d,"date":"%s","slot":"%s"}',
                               desks[math.random(#desks)],
                               common.date(meta.today, math.random(1, 13)),
                               slots[math.random(3)])
    local headers = auth(user)
    headers["Content-Type"] = "application/json"
    return wrk.format("POST", "/api/v1/bookings", headers, body)
  end
end

function response(status, headers, body)
  common.count(counts, status)
  if status == 201 then
    local id = body:match('"id":(%d+)')
    local user = body:match('"user_id":(%d+)')
    if id and user and #made < 1000 then
      made[#made + 1] = { id = id, user = tonumber(user) }
      extra.bookings_made = extra.bookings_made + 1
    end
  end
end

function done(summary, latency, requests)
  common.done(summary, latency, { [409] = true, [422] = true })
end
