#!/usr/bin/env node
// Scans a server log (pino JSON lines) for personal data that should never reach it: valid
// 18-character ID numbers, mobile numbers and bank-account-like digit runs in any string value.
// Usage: node scripts/scan-log.mjs <log file> [report.json]. Exits 1 when something is found, when
// the log is missing or empty, or when the detectors fail their own control samples.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const isIdNumber = (s) => CHECK[[...s.slice(0, 17)].reduce((sum, d, i) => sum + Number(d) * WEIGHTS[i], 0) % 11] === s[17].toUpperCase();

const DETECTORS = [
  { name: 'ID number', re: /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, valid: isIdNumber },
  { name: 'mobile phone', re: /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g, valid: () => true },
  { name: 'bank account', re: /(?<![0-9A-Fa-f-])\d{12,25}(?![0-9A-Fa-f-])/g, valid: (s) => s.length !== 18 || !isIdNumber(s) },
];

function findings(text) {
  const out = [];
  for (const d of DETECTORS) for (const m of text.matchAll(d.re)) if (d.valid(m[0])) out.push({ kind: d.name, value: m[0] });
  return out;
}

function strings(value, out = []) {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

// The detectors must catch what they are for (a scan that cannot fail proves nothing).
const controls = ['522732196501012391', '13912345678', '6217000000000000019'];
const missed = controls.filter((c) => findings(`x ${c} y`).length === 0);
const masked = ['522732********2391', '139****5678', '6217****0019', '00000000-0000-4000-8000-123456789012'];
const noisy = masked.filter((c) => findings(`x ${c} y`).length > 0);

const [file, report] = process.argv.slice(2);
const problems = [];
if (missed.length || noisy.length) problems.push(`detector self-test failed: missed ${missed.join(',')} flagged ${noisy.join(',')}`);
if (!file || !existsSync(file)) problems.push(`log file not found: ${file}`);
let lines = 0;
if (file && existsSync(file)) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    lines++;
    let parsed;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = line;
    }
    for (const s of strings(parsed))
      for (const f of findings(s)) problems.push(`line ${lines}: unmasked ${f.kind} ${f.value.slice(0, 4)}…`);
  }
  if (lines === 0) problems.push('log file is empty: the server logged nothing, so the scan proves nothing');
}
console.log(problems.length ? problems.slice(0, 20).join('\n') : `log scan: ${lines} lines, no personal data found`);
if (report)
  writeFileSync(
    report,
    JSON.stringify({ numPassedTests: problems.length ? 0 : 1, numFailedTests: problems.length ? 1 : 0, numPendingTests: 0 }),
  );
process.exit(problems.length ? 1 : 0);
