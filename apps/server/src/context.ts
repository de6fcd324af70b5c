import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '@portal/db';
import type { Env } from './env.js';
import { createClock, type Clock } from './lib/clock.js';
import { findSessionUser, type SessionUser } from './services/auth/session.js';

export const SESSION_COOKIE = 'portal_session';

/** What every service receives: the database, the signed-in user (if any) and request facts. */
export interface ServiceContext {
  db: Db;
  env: Env;
  user: SessionUser | null;
  ip: string | null;
  now: () => Date;
  log: (obj: object, msg: string) => void;
}

export interface RequestContext extends ServiceContext {
  sessionToken: string | null;
  setSessionCookie: (token: string, expiresAt: Date) => void;
  clearSessionCookie: () => void;
}

export interface AppDeps {
  db: Db;
  env: Env;
  clock?: Clock;
}

export function makeContextFactory(deps: AppDeps) {
  const clock = deps.clock ?? createClock();
  const now = () => clock.now();
  return async ({ req, res }: { req: FastifyRequest; res: FastifyReply }): Promise<RequestContext> => {
    const token = req.cookies[SESSION_COOKIE] ?? null;
    const user = token ? await findSessionUser(deps.db, token, now(), deps.env.SESSION_TTL_HOURS) : null;
    return {
      db: deps.db,
      env: deps.env,
      user,
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
