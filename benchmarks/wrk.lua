-- wrk script for `make bench` (see benchmarks/README.md).
--
-- Arguments after "--": the session cookie's name, a comma-separated list of session keys, then
-- one or more paths. Run with as many threads as connections: each thread (one connection) then
-- signs in with a session of its own, as separate people would, and requests the paths in turn.
--
-- Any response outside 2xx counts as an error (wrk itself accepts 3xx: here a redirect means the
-- session was refused). At the end it prints one line, BENCH_JSON {...}, latencies in
-- microseconds, which benchmarks/report.py reads.
--
-- A path holding __FRESH__ gets a word no request has used before in its place (a token made of
-- this thread's random run id and its request number), so that no cache has seen the search.

local threads = {}

function setup(thread)
  thread:set("thread_number", #threads + 1)
  table.insert(threads, thread)
end

local function split(text)
  local items = {}
  for item in string.gmatch(text, "[^,]+") do
    table.insert(items, item)
  end
  return items
end

function init(args)
  local keys = split(args[2])
  local key = keys[((thread_number - 1) % #keys) + 1]
  wrk.headers["Cookie"] = args[1] .. "=" .. key
  paths = {}
  for i = 3, #args do
    table.insert(paths, args[i])
  end
  math.randomseed(os.time() * 1000 + thread_number)
  run_id = math.random(1, 2147483647)
  sent = 0
  non2xx = 0
  first_bad_status = 0
end

function request()
  sent = sent + 1
  local path = paths[((sent - 1) % #paths) + 1]
  local fresh = string.gsub(path, "__FRESH__", "zq" .. run_id .. "x" .. thread_number .. "x" .. sent)
  return wrk.format("GET", fresh)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if first_bad_status == 0 then
      first_bad_status = status
    end
  end
end

function done(summary, latency, requests)
  local bad, first = 0, 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
    if first == 0 then
      first = thread:get("first_bad_status")
    end
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, '
      .. '"max_us": %d, "non2xx": %d, "first_bad_status": %d, "socket_errors": '
      .. '{"connect": %d, "read": %d, "write": %d, "timeout": %d}}\n',
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    bad, first, errors.connect, errors.read, errors.write, errors.timeout
  ))
end
