#!/usr/bin/env node
// Makes a fresh clone ready to run: installs the npm packages when they are
// missing or stale, and (with --browser) Debian's Chromium for the e2e tests.
// Uses only Node built-ins, because it runs before anything is installed.
import { createHash } from 'node:crypto';
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const run = (cmd, env = {}) => execSync(cmd, { stdio: 'inherit', env: { ...process.env, ...env } });

function ensurePackages() {
  const lock = existsSync('package-lock.json') ? readFileSync('package-lock.json') : readFileSync('package.json');
  const hash = createHash('sha256').update(lock).digest('hex');
  const stamp = 'node_modules/.kubesim-deps';
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  console.log('Installing npm packages...');
  // A fresh clone gets exactly the lockfile (npm ci); an existing install is brought up to date in
  // place, since npm ci would delete node_modules under anything else running from it.
  const fresh = !existsSync('node_modules') && existsSync('package-lock.json');
  // Playwright drives Debian's Chromium; it must never download a browser of its own.
  run(fresh ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund', {
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  });
  writeFileSync(stamp, hash);
}

function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return;
  console.log(`Chromium not found at ${path}; installing Debian's chromium package...`);
  const sudo = process.getuid?.() === 0 ? '' : 'sudo -n ';
  try {
    run(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`);
  } catch {
    console.error('Could not install chromium with apt-get. Install Debian\'s chromium package (or set CHROMIUM_PATH) and run again.');
    process.exit(1);
  }
}

ensurePackages();
if (process.argv.includes('--browser')) ensureChromium();
