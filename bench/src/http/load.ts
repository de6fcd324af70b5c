/**
 * The load generator, run as its own process (node --import tsx load.ts <config.json>) so that it
 * never shares an event loop with the server: autocannon with the given connections and
 * duration, cycling through request bodies, recording every response time (autocannon's own
 * summary has no p95). Prints one JSON line: LoadResult.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import type { LoadConfig, LoadResult } from './load-types.js';

const config = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadConfig;
const latencies: number[] = [];
const statuses: Record<string, number> = {};
let n = 0;
const key = () => `bench-${process.pid}-${Date.now().toString(36)}-${(n++).toString(36)}`;

let finish: (r: autocannon.Result) => void = () => {};
let fail: (e: unknown) => void = () => {};
const done = new Promise<autocannon.Result>((res, rej) => {
  finish = res;
  fail = rej;
});
const instance = autocannon(
  {
    url: config.url,
    method: config.method,
    headers: config.headers,
    connections: config.connections,
    duration: config.duration,
    amount: config.amount,
    timeout: config.timeoutSeconds,
    requests: [
      {
        setupRequest: (req) => {
          let body = config.bodies[n % config.bodies.length]!;
          if (config.keyPlaceholder) body = body.replaceAll(config.keyPlaceholder, key());
          else n++;
          return { ...req, body };
        },
      },
    ],
  },
  (err, result) => (err ? fail(err) : finish(result)),
);
instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  latencies.push(responseTime);
  statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
});
const result = await done;
latencies.sort((a, b) => a - b);
const at = (p: number) =>
  latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]! : NaN;
const out: LoadResult = {
  requests: latencies.length,
  seconds: result.duration,
  rps: latencies.length / result.duration,
  p50: at(50),
  p95: at(95),
  p99: at(99),
  max: latencies[latencies.length - 1] ?? NaN,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  statuses,
};
process.stdout.write(`${JSON.stringify(out)}\n`);
