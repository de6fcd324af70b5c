export { login } from './login.js';
export { logout } from './logout.js';
export { changePassword } from './change-password.js';
export { createSession, findSessionUser, hashToken } from './session.js';
