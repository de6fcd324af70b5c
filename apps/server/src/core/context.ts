import type { DbOrTx, ReportReads } from '@portal/db';
import type { Env } from '../env.js';
import type { Actor } from './actor.js';

/**
 * What every service receives. `db` is the database, or the transaction a calling service opened
 * (`withTransaction`), so one service joins another's transaction without passing `tx` by hand.
 */
export interface ServiceContext {
  db: DbOrTx;
  /** Heavy reads (lists over a region, boards, exports) go here through `withReportReads`. */
  reports: ReportReads;
  /** Aborted when the client goes away before the answer: a running report is then cancelled. */
  signal?: AbortSignal;
  env: Env;
  /** The signed-in user; null only before authentication (login, public procedures). */
  actor: Actor | null;
  ip: string | null;
  now: () => Date;
  log: (obj: object, msg: string) => void;
  /** True inside `withTransaction`: `db` is then a transaction. */
  inTransaction?: boolean;
}

/** A context after authentication: the actor is known, so no service checks it again. */
export interface ActorContext extends ServiceContext {
  actor: Actor;
}

/** A request's context: the service context plus what only the HTTP layer can do. */
export interface RequestContext extends ServiceContext {
  sessionToken: string | null;
  setSessionCookie: (token: string, expiresAt: Date) => void;
  clearSessionCookie: () => void;
}
