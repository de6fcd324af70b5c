export interface LoadConfig {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** Request bodies, used in turn (one per request). */
  bodies: string[];
  /** Replaced in each body by a fresh value (idempotency keys of saves). */
  keyPlaceholder?: string;
  connections: number;
  duration: number;
  /** Stop after this many requests instead of `duration`. */
  amount?: number;
  timeoutSeconds: number;
}

export interface LoadResult {
  /** Requests answered (any status) while the run lasted. */
  requests: number;
  /** Requests still open when the run stopped (one per connection at most), and the age of the oldest. */
  unanswered: number;
  oldestUnansweredMs: number;
  seconds: number;
  /** Answered requests per second. */
  rps: number;
  /** Milliseconds, over the answered requests and the unanswered ones at their age (null: none at all). */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  non2xx: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
}
