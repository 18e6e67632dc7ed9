-- Localized error responses for the latency comparison of tools/load/run: EntityNotFound (404)
-- under rotating Accept-Language and Accept headers, against the example server's plain axum
-- JSON error route (/plain-error) in the same run.
local languages = { "pt-PT", "pl-PL,pl;q=0.9", "de-DE;q=0.9, en;q=0.5", "fr-CA", "es", "pt-BR", "en-US" }
local accepts = { "application/json", "application/problem+json" }
local n = 0

function request()
  n = n + 1
  local headers = {
    ["Accept-Language"] = languages[(n - 1) % #languages + 1],
    ["Accept"] = accepts[(n - 1) % #accepts + 1],
  }
  return wrk.format("GET", "/entities/7", headers)
end
