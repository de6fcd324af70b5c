#!/usr/bin/env node
// Installs pnpm when missing (corepack and the packageManager field do not work on these
// machines) and the workspace dependencies from the lockfile.
import { execSync } from 'node:child_process';

function has(cmd) {
  try {
    execSync(`${cmd} --version`, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`需要 Node.js 20.19 或更高版本，当前为 ${process.versions.node}`);
  process.exit(1);
}
if (!has('pnpm')) {
  console.log('pnpm 未安装，正在安装 pnpm@12 …');
  run('npm i -g pnpm@12');
}
run('pnpm install --frozen-lockfile --prefer-offline --reporter=append-only');
