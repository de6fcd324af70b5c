export { login } from './login.js';
export { logout } from './logout.js';
export { changePassword } from './change-password.js';
export { createSession, endSessionsOf, findSessionUser, findSessionUserCached, hashToken, type SessionLimits } from './session.js';
export { clearSessionCache, forgetSessionsOf, SESSION_CACHE_TTL_MS } from './session-cache.js';
export { LOGIN_REFUSED, MAX_FAILED_LOGINS, LOCK_MINUTES, isLockedSomewhere } from './login.js';
