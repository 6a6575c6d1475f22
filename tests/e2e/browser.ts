/** The headless Chromium the e2e tests drive (Debian's package). */
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Fail (never skip) when the browser is missing, saying how to install it. */
export function requireChromium(): string {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found: the end-to-end tests need a real Chromium. Install it with: apt-get install -y chromium fonts-noto-cjk`);
  }
  return CHROMIUM_PATH;
}
