import { z } from 'zod';

/*
 * Shapes of answers shared by every domain. Each domain's `outputs.ts` holds the `.output()`
 * schemas of its procedures: tRPC parses every response with them, and zod drops any key a service
 * returns by mistake, so nothing unlisted there reaches the browser. They stay plain (objects,
 * arrays, enums, nullable) because they run on every response.
 */

/** "Done" of a mutation that returns nothing else. */
export const ZOk = z.object({ ok: z.literal(true) });
export type TOk = z.infer<typeof ZOk>;

/** The id of the row a mutation created or changed. */
export const ZRecordRef = z.object({ id: z.string() });
export type TRecordRef = z.infer<typeof ZRecordRef>;

/** The size of a list read by keyset: exact up to a bound, else the database's estimate (约 N 条). */
export const ZListCount = z.object({ value: z.number(), isEstimate: z.boolean() });
export type TListCount = z.infer<typeof ZListCount>;
