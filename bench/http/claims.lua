-- wrk script: GET pages of 100 claims with filters drawn at random for every
-- request (no two requests alike, so no cache can help). The token comes
-- from the environment (TRUCE_TOKEN).
local types = {"armed_clash", "attack", "shelling", "air_strike", "sniper_fire", "mine_or_ied",
               "ceasefire_violation", "territory_seizure", "detention", "de_escalation", "other"}
local actors = {"northland", "southland", "eastmark"}

wrk.headers["Authorization"] = "Bearer " .. os.getenv("TRUCE_TOKEN")

local base = os.time({year = 2023, month = 1, day = 1, hour = 12})

-- The date `day` days after 2023-01-01.
local function date(day)
  return os.date("!%Y-%m-%d", base + day * 86400)
end

-- TRUCE_FILTER=1..6 fixes the kind of filter, to measure one at a time.
local fixed = tonumber(os.getenv("TRUCE_FILTER") or "")
local view = os.getenv("TRUCE_VIEW") or "summary"

request = function()
  local query = {"limit=100", "view=" .. view}
  local choice = fixed or math.random(6)
  if choice == 1 then
    table.insert(query, "event_type=" .. types[math.random(#types)])
  elseif choice == 2 then
    local start = math.random(0, 700)
    table.insert(query, "since=" .. date(start))
    table.insert(query, "until=" .. date(start + math.random(1, 29)))
  elseif choice == 3 then
    local lon = 10 + math.random() * 0.7
    local lat = 50 + math.random() * 0.7
    table.insert(query, string.format("bbox=%.4f,%.4f,%.4f,%.4f", lon, lat, lon + 0.3, lat + 0.3))
  elseif choice == 4 then
    table.insert(query, "actor=" .. actors[math.random(#actors)])
  elseif choice == 5 then
    table.insert(query, "event_type=" .. types[math.random(#types)])
    table.insert(query, "since=" .. date(math.random(0, 600)))
  end
  return wrk.format("GET", "/api/v1/claims?" .. table.concat(query, "&"))
end
