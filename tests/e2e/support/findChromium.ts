import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * The Chromium to drive: $CHROMIUM_PATH, then Debian's /usr/bin/chromium, then a browser Playwright
 * installed itself. With none, fail with the one command that installs it.
 */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', safePlaywrightPath()];
  const found = candidates.find((c): c is string => !!c && existsSync(c));
  if (!found) {
    throw new Error('No Chromium found for the e2e tests. Install it with: sudo apt-get install -y chromium   (or set CHROMIUM_PATH)');
  }
  return found;
}

function safePlaywrightPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
