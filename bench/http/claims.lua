-- wrk script: GET pages of 100 claims with filters drawn at random for every
-- request (no two requests alike, so no cache can help). The token comes
-- from the environment (TRUCE_TOKEN).
local types = {"armed_clash", "attack", "shelling", "air_strike", "sniper_fire", "mine_or_ied",
               "ceasefire_violation", "territory_seizure", "detention", "de_escalation", "other"}
local actors = {"northland", "southland", "eastmark"}

wrk.headers["Authorization"] = "Bearer " .. os.getenv("TRUCE_TOKEN")

local function date(day)
  -- day 0..729 from 2023-01-01, months approximated as 28 days is enough for a filter
  local year = 2023 + math.floor(day / 365)
  local rest = day % 365
  local month = math.min(12, math.floor(rest / 28) + 1)
  local dom = (rest % 28) + 1
  return string.format("%04d-%02d-%02d", year, month, dom)
end

request = function()
  local query = {"limit=100", "view=" .. (os.getenv("TRUCE_VIEW") or "summary")}
  local choice = math.random(6)
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
