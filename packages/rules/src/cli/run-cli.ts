/// <reference types="node" />
/**
 * Shared driver for the rules CLIs (`settle`, `subsidy`, `deadline`): stdin JSON → zod → compute →
 * stdout JSON. Exit 0 on success; exit 2 with a Chinese message naming the field path on stderr
 * when the input is not JSON or fails validation, so that scripts can tell bad input from a crash.
 */
import process from 'node:process';
import { z } from 'zod';
import { describeJsonType } from '../fields.js';
import { toFieldErrors } from '../settlement/index.js';

// Messages zod writes itself (a type the schema does not name) in Chinese too; only the CLI
// process is configured, the library never sets zod's global locale.
z.config(z.locales.zhCN());

/** Exit code for input the CLI refuses (bad JSON or schema violation). */
export const EXIT_INVALID_INPUT = 2;

/** Formats zod issues as one line each: `字段 visit.date：日期格式应为 YYYY-MM-DD`. */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[]): string {
  return toFieldErrors(issues)
    .map((e) => `字段 ${e.path}：${e.message}`)
    .join('\n');
}

/** Reads all of stdin as UTF-8 text. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** The refusal of a request that is JSON but not an object (an array, a string, a number …), or null. */
export function describeNonObjectRequest(json: unknown): string | null {
  if (typeof json === 'object' && json !== null && !Array.isArray(json)) return null;
  return `输入应为一个 JSON 对象 {…}，收到的是${describeJsonType(json)}`;
}

/**
 * Runs a CLI: parses stdin as JSON, validates it with `schema`, prints `compute(parsed)` as JSON on
 * stdout. Invalid input (not JSON, not an object, failing the schema) → message on stderr, exit 2.
 * An exception in `compute` is a bug, not bad input: it is reported on stderr with exit 1.
 */
export async function runCli<S extends z.ZodType>(schema: S, compute: (input: z.output<S>) => unknown): Promise<void> {
  const text = await readStdin();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    process.stderr.write(`输入不是有效的 JSON：${detail}\n`);
    process.exitCode = EXIT_INVALID_INPUT;
    return;
  }
  const notObject = describeNonObjectRequest(json);
  if (notObject) {
    process.stderr.write(`${notObject}\n`);
    process.exitCode = EXIT_INVALID_INPUT;
    return;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    process.stderr.write(`输入校验失败：\n${formatZodIssues(parsed.error.issues)}\n`);
    process.exitCode = EXIT_INVALID_INPUT;
    return;
  }
  try {
    const result = compute(parsed.data);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`计算出错（程序缺陷，请报告）：${detail}\n`);
    process.exitCode = 1;
  }
}
