-- What claims.lua and incidents.lua share: the token, the vocabulary of the
-- synthetic stores (make_store.py, make_incidents.py) and the filters both
-- listings take, each drawn at random. Draws are made in the same order as
-- before this module existed, so a run sends the same requests.
local filters = {}

filters.types = {"armed_clash", "attack", "shelling", "air_strike", "sniper_fire", "mine_or_ied",
                 "ceasefire_violation", "territory_seizure", "detention", "de_escalation", "other"}
filters.actors = {"northland", "southland", "eastmark"}

-- TRUCE_FILTER=1..n fixes the kind of filter, to measure one at a time.
filters.fixed = tonumber(os.getenv("TRUCE_FILTER") or "")

wrk.headers["Authorization"] = "Bearer " .. os.getenv("TRUCE_TOKEN")

local base = os.time({year = 2023, month = 1, day = 1, hour = 12})

-- The date `day` days after 2023-01-01.
function filters.date(day)
  return os.date("!%Y-%m-%d", base + day * 86400)
end

-- `name`=one of `words`.
function filters.word(query, name, words)
  table.insert(query, name .. "=" .. words[math.random(#words)])
end

-- since and until, up to 29 days apart within the stores' two years.
function filters.window(query)
  local start = math.random(0, 700)
  table.insert(query, "since=" .. filters.date(start))
  table.insert(query, "until=" .. filters.date(start + math.random(1, 29)))
end

-- A box of 0.3 degrees somewhere in the synthetic theatre.
function filters.bbox(query)
  local lon = 10 + math.random() * 0.7
  local lat = 50 + math.random() * 0.7
  table.insert(query, string.format("bbox=%.4f,%.4f,%.4f,%.4f", lon, lat, lon + 0.3, lat + 0.3))
end

-- Kinds 1-4, which both listings take: an event type, a date window, a box,
-- an actor. Any other kind adds nothing here.
function filters.shared(query, choice)
  if choice == 1 then
    filters.word(query, "event_type", filters.types)
  elseif choice == 2 then
    filters.window(query)
  elseif choice == 3 then
    filters.bbox(query)
  elseif choice == 4 then
    filters.word(query, "actor", filters.actors)
  end
end

function filters.get(path, query)
  return wrk.format("GET", path .. "?" .. table.concat(query, "&"))
end

return filters
