-- wrk script: every request posts a different pre-signed webhook from WEBHOOKS (a TSV file
-- made by WebhookTool generate). Each wrk thread takes its own slice, so nothing repeats.
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
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do
    bad = bad + (t:get("non2xx") or 0)
  end
  io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f non2xx=%d errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, bad, summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout))
end
