-- The request mix of the load-and-fault test (tools/load/run), for wrk: every kind of response
-- the example server gives (success, each error, malformed path, query and body, a panic, a
-- timeout), under rotating Accept and Accept-Language headers.
--
-- Each thread counts what it sent per case and what it received per status, and writes one
-- error body in SAMPLE_EVERY to a file for the checker (tools/load/run validates them against
-- the OpenAPI schemas). done() compares the counts: every status received must be one the mix
-- expects, and for each status the responses must match the requests of the cases expecting
-- it, give or take the requests still in flight when wrk stopped (one per connection).
-- Environment: LOAD_SAMPLES (the sample files' prefix), LOAD_SUMMARY (where done() writes the
-- counts), LOAD_CONNECTIONS (wrk's -c, for the in-flight bound).

local json = "application/json"
local too_long = string.rep("x", 60)

-- { method, path, Content-Type or nil, body or nil, expected status }
local cases = {
  { "GET", "/entities/1", nil, nil, 200 },
  { "GET", "/entities/7", nil, nil, 404 },
  { "GET", "/behaviours/sync", nil, nil, 400 },
  { "POST", "/customers", json, '{"Name":"Ada"}', 201 },
  { "POST", "/customers", json, '{"Name":"Ada","Description":"' .. too_long .. '"}', 400 },
  { "POST", "/customers", json, '{"Name":', 400 },
  { "POST", "/customers", json, '{"Name":"Ada","Address":{"ZipCode":1000}}', 400 },
  { "POST", "/customers", json, '{"Address":{"ZipCode":"1000"}}', 400 },
  { "POST", "/customers", nil, '{"Name":"Ada"}', 400 },
  { "GET", "/entities/abc", nil, nil, 400 },
  { "GET", "/orders?top=ten", nil, nil, 400 },
  { "GET", "/orders?top=10", nil, nil, 200 },
  { "GET", "/nowhere", nil, nil, 404 },
  { "DELETE", "/entities/1", nil, nil, 405 },
  { "GET", "/panic", nil, nil, 500 },
  { "GET", "/slow", nil, nil, 408 },
  { "GET", "/plain-error", nil, nil, 404 },
}
local accepts = { json, "application/problem+json", "*/*", nil, "text/html, application/problem+json;q=0.5" }
local languages = { "pt-PT", "pl-PL,pl;q=0.9", "de-DE;q=0.9, en;q=0.5", "fr-CA", nil, "@@garbage", "es", "pt-BR" }
local SAMPLE_EVERY = 20

local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("id", thread_count)
  table.insert(threads, thread)
end

function init(args)
  sent = {}
  received = {}
  for i = 1, #cases do sent[i] = 0 end
  n = 0
  errors_seen = 0
  samples = io.open((os.getenv("LOAD_SAMPLES") or "/tmp/omnia-load-") .. id .. ".tsv", "w")
end

function request()
  n = n + 1
  local i = (n - 1) % #cases + 1
  local case = cases[i]
  sent[i] = sent[i] + 1
  local headers = {}
  -- Different periods, so that every case meets every header over time.
  local accept = accepts[(n - 1) % #accepts + 1]
  local language = languages[(n - 1) % #languages + 1]
  if accept then headers["Accept"] = accept end
  if language then headers["Accept-Language"] = language end
  if case[3] then headers["Content-Type"] = case[3] end
  return wrk.format(case[1], case[2], headers, case[4])
end

function response(status, headers, body)
  received[status] = (received[status] or 0) + 1
  if status >= 400 then
    errors_seen = errors_seen + 1
    if errors_seen % SAMPLE_EVERY == 1 then
      local content_type = headers["Content-Type"] or headers["content-type"] or ""
      samples:write(status, "\t", content_type, "\t", (string.gsub(body, "[\r\n]", " ")), "\n")
      samples:flush()
    end
  end
end

function done(summary, latency, requests)
  local connections = tonumber(os.getenv("LOAD_CONNECTIONS") or "64")
  local sent_total, by_status, got = {}, {}, {}
  for i = 1, #cases do sent_total[i] = 0 end
  for _, thread in ipairs(threads) do
    local s = thread:get("sent")
    local r = thread:get("received")
    for i = 1, #cases do sent_total[i] = sent_total[i] + s[i] end
    for status, count in pairs(r) do got[status] = (got[status] or 0) + count end
  end
  for i, case in ipairs(cases) do
    by_status[case[5]] = (by_status[case[5]] or 0) + sent_total[i]
  end
  local out = io.open(os.getenv("LOAD_SUMMARY") or "/tmp/omnia-load-summary.txt", "w")
  local failed = false
  local function line(text)
    io.write(text, "\n")
    out:write(text, "\n")
  end
  local responses = 0
  for _, count in pairs(got) do responses = responses + count end
  line(string.format("requests %d, responses %d, socket errors: connect %d, read %d, write %d, timeout %d",
    summary.requests, responses, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout))
  local unexpected = 0
  for status, count in pairs(got) do
    if not by_status[status] then
      unexpected = unexpected + count
    end
  end
  local statuses = {}
  for status in pairs(by_status) do table.insert(statuses, status) end
  table.sort(statuses)
  for _, status in ipairs(statuses) do
    local expected, count = by_status[status], got[status] or 0
    local ok = count <= expected and count >= expected - connections and count > 0
    if not ok then failed = true end
    line(string.format("status %d: %d responses, %d requests sent expecting it%s",
      status, count, expected, ok and "" or "  <-- MISMATCH"))
  end
  line(string.format("unexpected statuses: %d", unexpected))
  local socket_errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  -- wrk counts every status >= 400 as a "status error"; only the others are failures here.
  socket_errors = socket_errors - summary.errors.status
  line(string.format("socket errors: %d", socket_errors))
  if unexpected > 0 or socket_errors > 0 then failed = true end
  line(failed and "RESULT FAIL" or "RESULT OK")
  out:close()
end
