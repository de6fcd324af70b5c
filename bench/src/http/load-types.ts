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
  requests: number;
  seconds: number;
  rps: number;
  /** Milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
}
