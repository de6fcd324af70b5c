export { ChangePasswordPage } from './change-password-page';
export { LoginPage } from './login-page';
