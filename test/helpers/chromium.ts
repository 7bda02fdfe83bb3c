/**
 * Headless Chromium for e2e tests — always the system browser (Debian package
 * `chromium`, or $TUSOI_CHROMIUM); playwright-core never downloads browsers.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.TUSOI_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath} — install the Debian package: apt-get install chromium`);
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}
