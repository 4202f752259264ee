-- wrk script: GET /users/{uid}/kyc for random seeded users (UUIDs derived from 1..USERS).
-- With ETAGS set (a file of "n<TAB>version" lines), sends If-None-Match so the answer is 304.
local users = tonumber(os.getenv("USERS"))
local token = os.getenv("TOKEN")
local etag_file = os.getenv("ETAGS")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
  versions = nil
  if etag_file and etag_file ~= "" then
    versions = {}
    for line in io.lines(etag_file) do
      local n, v = line:match("^(%d+)\t(%d+)$")
      versions[tonumber(n)] = v
    end
  end
  unexpected = 0
end

function request()
  local n = math.random(1, users)
  local path = string.format("/users/00000000-0000-4000-8000-%012d/kyc", n)
  local headers = { ["Authorization"] = "Bearer " .. token }
  if versions then
    headers["If-None-Match"] = '"' .. (versions[n] or "0") .. '"'
  end
  return wrk.format("GET", path, headers)
end

function response(status, headers, body)
  local expected = versions and 304 or 200
  if status ~= expected then
    unexpected = unexpected + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do
    bad = bad + (t:get("unexpected") or 0)
  end
  io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f unexpected_status=%d errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, bad, summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout))
end
