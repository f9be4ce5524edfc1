-- wrk script: GET pages of 100 incident summaries with filters drawn at
-- random for every request (no two requests alike, so no cache can help).
-- The token comes from the environment (TRUCE_TOKEN); TRUCE_FILTER=1..9
-- fixes the kind of filter, to measure one at a time.
local types = {"armed_clash", "attack", "shelling", "air_strike", "sniper_fire", "mine_or_ied",
               "ceasefire_violation", "territory_seizure", "detention", "de_escalation", "other"}
local actors = {"northland", "southland", "eastmark"}
local attributions = {"agreed", "one_sided", "contested", "undetermined"}
local evidence = {"single_source", "corroborated", "contested", "discounted"}
local states = {"unverified", "under_review", "signed_off", "verified", "refuted"}

wrk.headers["Authorization"] = "Bearer " .. os.getenv("TRUCE_TOKEN")

local base = os.time({year = 2023, month = 1, day = 1, hour = 12})

local function date(day)
  return os.date("!%Y-%m-%d", base + day * 86400)
end

local fixed = tonumber(os.getenv("TRUCE_FILTER") or "")

request = function()
  local query = {"limit=100"}
  local choice = fixed or math.random(9)
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
    table.insert(query, "attribution=" .. attributions[math.random(#attributions)])
    table.insert(query, "since=" .. date(math.random(0, 600)))
  elseif choice == 6 then
    table.insert(query, "evidence=" .. evidence[math.random(#evidence)])
    table.insert(query, "event_type=" .. types[math.random(#types)])
  elseif choice == 7 then
    table.insert(query, "state=" .. states[math.random(#states)])
  elseif choice == 8 then
    table.insert(query, "theatre=synthetic-theatre")
    table.insert(query, "until=" .. date(math.random(30, 730)))
  end
  return wrk.format("GET", "/api/v1/incidents?" .. table.concat(query, "&"))
end
