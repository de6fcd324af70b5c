/** True when a database error is a unique-constraint violation (PostgreSQL code 23505). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    const candidate = e as { code?: string; constraint?: string; constraint_name?: string; message?: string; cause?: unknown };
    if (candidate.code === '23505') {
      if (!constraint) return true;
      const name = candidate.constraint ?? candidate.constraint_name ?? candidate.message ?? '';
      return name.includes(constraint);
    }
    e = candidate.cause;
  }
  return false;
}

/**
 * For `.catch` on a write: a unique violation of `constraint` — two requests creating the same
 * thing at once, both past the service's own check — becomes the refusal that check gives;
 * anything else is thrown on.
 */
export function refuseUniqueViolation(constraint: string, refusal: () => Error | Promise<Error>) {
  return async (error: unknown): Promise<never> => {
    if (isUniqueViolation(error, constraint)) throw await refusal();
    throw error;
  };
}
