-- wrk script: GET pages of 100 incident summaries with filters drawn at
-- random for every request (no two requests alike, so no cache can help).
-- The token comes from the environment (TRUCE_TOKEN); TRUCE_FILTER=1..9
-- fixes the kind of filter, to measure one at a time.

-- filters.lua sits beside this script, wherever wrk is run from.
package.path = debug.getinfo(1, "S").source:match("^@(.-)[^/]*$") .. "?.lua;" .. package.path
local filters = require("filters")

local attributions = {"agreed", "one_sided", "contested", "undetermined"}
local evidence = {"single_source", "corroborated", "contested", "discounted"}
local states = {"unverified", "under_review", "signed_off", "verified", "refuted"}

request = function()
  local query = {"limit=100"}
  local choice = filters.fixed or math.random(9)
  if choice == 5 then
    filters.word(query, "attribution", attributions)
    table.insert(query, "since=" .. filters.date(math.random(0, 600)))
  elseif choice == 6 then
    filters.word(query, "evidence", evidence)
    filters.word(query, "event_type", filters.types)
  elseif choice == 7 then
    filters.word(query, "state", states)
  elseif choice == 8 then
    table.insert(query, "theatre=synthetic-theatre")
    table.insert(query, "until=" .. filters.date(math.random(30, 730)))
  else
    filters.shared(query, choice)
  end
  return filters.get("/api/v1/incidents", query)
end
