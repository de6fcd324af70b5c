/** A fresh idempotency key for one click of a write (the server refuses a replayed key). */
export const newRequestKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);
