/**
 * The one string rule of every request: no NUL and no lone surrogate anywhere in a value (they
 * break text columns and search, and no form can type them), and no nesting deeper than any input
 * has. Applied at the HTTP edge (http/security.ts) and to every tRPC procedure's input (trpc.ts),
 * so a caller inside the process is held to it too.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first problem with any string inside a request value, or null when all are well formed. */
export function findBadString(value: unknown, depth = 0): string | null {
  if (depth > 64) return '嵌套层级过深';
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return '不能包含空字符（NUL）';
    if (LONE_SURROGATE.test(value)) return '包含无法识别的字符（不成对的代理项）';
    return null;
  }
  if (Buffer.isBuffer(value) || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const problem = findBadString(k, depth + 1) ?? findBadString(v, depth + 1);
    if (problem) return problem;
  }
  return null;
}
