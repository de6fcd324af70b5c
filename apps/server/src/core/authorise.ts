import { can, deniedMessage, type TPermission } from '@portal/rules';
import type { Actor } from './actor.js';
import type { ActorContext, ServiceContext } from './context.js';
import { forbidden, preconditionFailed, unauthorized } from './errors.js';

/**
 * The one permission check: the actor must be signed in and their role must hold `permission` in
 * the table of packages/rules (PERMISSIONS). Returns the context with the actor narrowed.
 */
export function authorise<C extends ServiceContext>(ctx: C, permission: TPermission): C & ActorContext {
  const actor = ctx.actor;
  if (!actor) throw unauthorized('登录已过期或尚未登录，请重新登录');
  // An initial password (set by an administrator or the seed) opens nothing but its own change.
  if (actor.mustChangePassword && permission !== 'session.use') {
    throw preconditionFailed('首次登录请先修改初始密码', 'mustChangePassword');
  }
  if (!can(actor.role, permission)) throw forbidden(deniedMessage(permission), `role ${actor.role} lacks ${permission}`);
  return ctx as C & ActorContext;
}

/** True when the actor holds the permission (for flags such as "may this user edit?"). */
export function isAllowed(actor: Actor, permission: TPermission): boolean {
  return can(actor.role, permission);
}

/** Refuses unless the actor holds the permission (inside a service, for a second, finer check). */
export function requirePermission(actor: Actor, permission: TPermission): void {
  if (!can(actor.role, permission)) throw forbidden(deniedMessage(permission), `role ${actor.role} lacks ${permission}`);
}
