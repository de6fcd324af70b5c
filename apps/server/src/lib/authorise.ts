import type { TRole } from '@portal/rules';
import type { ServiceContext } from '../context.js';
import { forbidden, unauthorized } from '../errors.js';
import type { SessionUser } from '../services/auth/session.js';

/** Roles that keep the registry and enrollment (window staff and their reviewers). */
export const REGISTRY_WRITERS: readonly TRole[] = ['clerk', 'reviewer'];
/** Roles that work with casework data (the ledger, subsidy runs). */
export const CASEWORK_ROLES: readonly TRole[] = ['clerk', 'reviewer', 'supervisor'];

/** The signed-in user, refused unless their role is one of `roles`. */
export function requireRole(ctx: ServiceContext, roles: readonly TRole[], message = '您的角色无权执行此操作'): SessionUser {
  if (!ctx.user) throw unauthorized();
  if (!roles.includes(ctx.user.role)) throw forbidden(message, `role ${ctx.user.role} not in ${roles.join(',')}`);
  return ctx.user;
}
