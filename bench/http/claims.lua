-- wrk script: GET pages of 100 claims with filters drawn at random for every
-- request (no two requests alike, so no cache can help). The token comes
-- from the environment (TRUCE_TOKEN); TRUCE_FILTER=1..6 fixes the kind of
-- filter, to measure one at a time.

-- filters.lua sits beside this script, wherever wrk is run from.
package.path = debug.getinfo(1, "S").source:match("^@(.-)[^/]*$") .. "?.lua;" .. package.path
local filters = require("filters")

local view = os.getenv("TRUCE_VIEW") or "summary"

request = function()
  local query = {"limit=100", "view=" .. view}
  local choice = filters.fixed or math.random(6)
  if choice == 5 then
    filters.word(query, "event_type", filters.types)
    table.insert(query, "since=" .. filters.date(math.random(0, 600)))
  else
    filters.shared(query, choice)
  end
  return filters.get("/api/v1/claims", query)
end
