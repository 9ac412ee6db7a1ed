-- wrk script for bench/web-load.sh (issue 9; a benchmark, never a test).
--
-- Environment:
--   WRK_PATHS    file with one request path per line; each request takes the next one (e.g. 200 households)
--   WRK_COOKIES  file with one Cookie header per line (one logged-in session per virtual user); request i of a
--                connection uses session (connection's first index + i) so every session is used
--   WRK_THINK_MS think time in milliseconds before each request (0: back to back, a closed loop)
--
-- A request counts as an error unless it answers 200 (a redirect to the login page is an error, not a page).
-- done() prints one line: requests, errors, req/s, p50, p95, p99 and max latency in milliseconds.

local function lines(name)
  local t = {}
  local f = assert(io.open(assert(os.getenv(name), name .. " not set"), "r"))
  for line in f:lines() do
    if #line > 0 then t[#t + 1] = line end
  end
  f:close()
  assert(#t > 0, name .. " is empty")
  return t
end

local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  paths = lines("WRK_PATHS")
  cookies = lines("WRK_COOKIES")
  think = tonumber(os.getenv("WRK_THINK_MS") or "0")
  i = id * 7919
  not_ok = 0
end

function delay()
  if think <= 0 then return 0 end
  -- uniform between half and one and a half times the think time: users do not click in step
  return math.floor(think * (0.5 + math.random()))
end

function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], { ["Cookie"] = cookies[(i % #cookies) + 1] })
end

function response(status, headers, body)
  if status ~= 200 then not_ok = not_ok + 1 end
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  for _, t in ipairs(threads) do
    errors = errors + t:get("not_ok")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d errors=%d rps=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f\n",
    summary.requests, errors, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
