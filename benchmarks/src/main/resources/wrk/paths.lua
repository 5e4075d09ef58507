-- GET a random path of a file (one per line, the file given after --) per request, and
-- print the figures as one JSON line at the end, for the benchmarks suite to read.
local paths = {}

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  -- every thread has its own Lua state: seed each differently
  math.randomseed(os.time() + tonumber(string.sub(tostring({}), -8), 16))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests":%d,"durationMicros":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,' ..
    '"statusErrors":%d,"timeouts":%d,"p50Micros":%d,"p95Micros":%d,"p99Micros":%d,"maxMicros":%d}\n',
    summary.requests, summary.duration, errors.connect, errors.read, errors.write, errors.status,
    errors.timeout, latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
