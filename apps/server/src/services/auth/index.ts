export { login } from './login.js';
export { logout } from './logout.js';
export { changePassword } from './change-password.js';
export { findSessionUser, type SessionUser } from './session.js';
