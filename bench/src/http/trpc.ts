/**
 * The HTTP shape of the web client (apps/web/src/lib/trpc.ts): httpBatchLink with
 * `methodOverride: 'POST'`, so every procedure — queries too — is a POST to
 * /trpc/<path>?batch=1 with the JSON body {"0": input} and the header x-portal-request: 1
 * (apps/server/src/http/security.ts refuses API writes without it).
 */
export const API_HEADERS = { 'content-type': 'application/json', 'x-portal-request': '1' } as const;

export function trpcPath(path: string) {
  return `/trpc/${path}?batch=1`;
}

export function trpcBody(input: unknown) {
  return JSON.stringify({ 0: input ?? null });
}

/** Signs in and returns the session cookie ("portal_session=…"). */
export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}${trpcPath('auth.login')}`, {
    method: 'POST',
    headers: API_HEADERS,
    body: trpcBody({ username, password }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('portal_session='));
  if (!res.ok || !cookie) throw new Error(`login of ${username} failed: HTTP ${res.status} ${await res.text()}`);
  return cookie.split(';')[0]!;
}

/** One call, for checking a scenario before loading it; throws with the server's message on an error. */
export async function call(baseUrl: string, cookie: string, path: string, input: unknown): Promise<unknown> {
  const res = await fetch(`${baseUrl}${trpcPath(path)}`, {
    method: 'POST',
    headers: { ...API_HEADERS, cookie },
    body: trpcBody(input),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
  const parsed = JSON.parse(text) as { result?: { data: unknown }; error?: unknown }[];
  if (!parsed[0]?.result) throw new Error(`${path}: ${text.slice(0, 300)}`);
  return parsed[0].result.data;
}
