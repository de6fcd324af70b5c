import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db, ReportReads } from '@portal/db';
import { createClock, type Clock, type RequestContext } from './core/index.js';
import type { Env } from './env.js';
import { findSessionUserCached } from './services/auth/index.js';

export const SESSION_COOKIE = 'portal_session';

export interface AppDeps {
  db: Db;
  reports: ReportReads;
  env: Env;
  /** Business time (ctx.now): tests may move it. */
  clock?: Clock;
  /** Wall-clock time for session lifetimes; only tests replace it. */
  sessionClock?: () => Date;
}

/** Builds each request's context: the session's actor (if any), the clock and the logger. */
export function makeContextFactory(deps: AppDeps) {
  const clock = deps.clock ?? createClock();
  const now = () => clock.now();
  const sessionNow = deps.sessionClock ?? (() => new Date());
  return async ({ req, res }: { req: FastifyRequest; res: FastifyReply }): Promise<RequestContext> => {
    const token = req.cookies[SESSION_COOKIE] ?? null;
    // The client went away before the answer was written: whatever report it asked for stops.
    const abort = new AbortController();
    res.raw.once('close', () => {
      if (!res.raw.writableFinished) abort.abort(new Error('client closed the connection'));
    });
    const actor = token ? await findSessionUserCached(deps.db, token, sessionNow(), deps.env) : null;
    return {
      db: deps.db,
      reports: deps.reports,
      signal: abort.signal,
      env: deps.env,
      actor,
      ip: req.ip ?? null,
      now,
      log: (obj, msg) => req.log.error(obj, msg),
      sessionToken: token,
      setSessionCookie: (value, expiresAt) => {
        void res.setCookie(SESSION_COOKIE, value, {
          httpOnly: true,
          sameSite: 'lax',
          secure: deps.env.COOKIE_SECURE,
          path: '/',
          expires: expiresAt,
        });
      },
      clearSessionCookie: () => {
        void res.clearCookie(SESSION_COOKIE, { path: '/' });
      },
    };
  };
}
