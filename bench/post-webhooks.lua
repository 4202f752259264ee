-- wrk script: every request posts a different pre-signed webhook from WEBHOOKS (a TSV file
-- made by WebhookTool generate). Each wrk thread takes its own slice, so nothing repeats.
-- With IDS_DIR set, each thread writes the event id of every 200 answer to IDS_DIR/ok-<thread>.txt,
-- so the caller can check that each of them is stored.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local file = os.getenv("WEBHOOKS")
  local total_threads = tonumber(os.getenv("WRK_THREADS"))
  requests_table = {}
  local n = 0
  for line in io.lines(file) do
    if n % total_threads == id then
      local wid, ts, sig, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
      requests_table[#requests_table + 1] = wrk.format("POST", "/webhooks/ralio", {
        ["Content-Type"] = "application/json",
        ["webhook-id"] = wid, ["webhook-timestamp"] = ts, ["webhook-signature"] = sig }, body)
    end
    n = n + 1
  end
  next_index = 1
  non2xx = 0
  overloaded = 0
  overloaded_without_retry_after = 0
  local dir = os.getenv("IDS_DIR")
  if dir and dir ~= "" then
    ids_file = io.open(dir .. "/ok-" .. id .. ".txt", "w")
  end
end

function request()
  local r = requests_table[next_index]
  if r == nil then
    -- ran out: repeat the first (a duplicate, still 200) rather than stop; the script warns
    exhausted = true
    return requests_table[1]
  end
  next_index = next_index + 1
  return r
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
  if status == 503 then
    overloaded = overloaded + 1
    if headers["Retry-After"] == nil and headers["retry-after"] == nil then
      overloaded_without_retry_after = overloaded_without_retry_after + 1
    end
  elseif status == 200 and ids_file then
    ids_file:write(body:match('"eventId":"([^"]+)"'), "\n")
    ids_file:flush()
  end
end

function done(summary, latency, requests)
  local bad, busy, busy_bare = 0, 0, 0
  for _, t in ipairs(threads) do
    bad = bad + (t:get("non2xx") or 0)
    busy = busy + (t:get("overloaded") or 0)
    busy_bare = busy_bare + (t:get("overloaded_without_retry_after") or 0)
  end
  io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d "
    .. "status503=%d status503_without_retry_after=%d errors=%d timeouts=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, bad, busy, busy_bare,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout, summary.errors.timeout))
end
