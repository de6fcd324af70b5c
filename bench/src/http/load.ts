/**
 * The load generator, run as its own process (node --import tsx load.ts <config.json>) so that it
 * never shares an event loop with the server: autocannon with the given connections and
 * duration, cycling through request bodies, recording every response time (autocannon's own
 * summary has no p95). Prints one JSON line: LoadResult.
 *
 * A request still unanswered when the run stops (a slow read at 50 connections) counts in the
 * percentiles at its age then, a lower bound of its time: leaving it out would report the fast
 * answers only. With one request in flight per connection (no pipelining), a connection's open
 * request was sent at its last answer, or at the start.
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
let startedAt = performance.now();
const lastAnswer = new Map<unknown, number>();
instance.on('start', () => (startedAt = performance.now()));
instance.on('response', (client, statusCode, _bytes, responseTime) => {
  latencies.push(responseTime);
  statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  lastAnswer.set(client, performance.now());
});
const result = await done;
const stoppedAt = Math.min(performance.now(), startedAt + config.duration * 1000);
const answered = latencies.length;
const open: number[] = [];
if (config.amount === undefined) {
  for (const t of lastAnswer.values()) open.push(Math.max(0, stoppedAt - t));
  for (let i = lastAnswer.size; i < config.connections; i++) open.push(stoppedAt - startedAt);
}
latencies.push(...open);
latencies.sort((a, b) => a - b);
const at = (p: number) =>
  latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]! : null;
const out: LoadResult = {
  requests: answered,
  unanswered: open.length,
  oldestUnansweredMs: open.length ? Math.max(...open) : 0,
  seconds: result.duration,
  rps: answered / result.duration,
  p50: at(50),
  p95: at(95),
  p99: at(99),
  max: latencies[latencies.length - 1] ?? null,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  statuses,
};
process.stdout.write(`${JSON.stringify(out)}\n`);
