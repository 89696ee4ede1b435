import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { workspaceRoot } from '@shopfloor/testing';

const CHROMIUM = '/usr/bin/chromium';
// Without the networking flags Chromium's connections are refused in the sandboxed CI machines.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where browser tests leave their screenshots (a CI artifact). */
export const SCREENSHOTS = join(workspaceRoot(), 'tmp', 'screenshots');

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/** Debian's Chromium with a fresh profile; `close` also removes the profile. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'dashboard-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** What went wrong in a page: console errors, uncaught errors, failed and refused requests. */
export class PageProblems {
  readonly problems: string[] = [];
  constructor(page: Page) {
    page.on('console', (m) => {
      if (m.type() === 'error') this.problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => this.problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => {
      // Aborted: cancelled because the test navigated on while it was in flight, not refused or lost.
      if (r.failure()?.errorText !== 'net::ERR_ABORTED') this.problems.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) this.problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
    });
  }
}

/** axe-core's serious and critical findings on the page as it is now. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the page's own policy rightly refuses an injected <script>.
  await page.evaluate(readFileSync(join(workspaceRoot(), 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  const result = await page.evaluate<AxeResult>('window.axe.run()');
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${JSON.stringify(v.nodes.map((n) => n.target))})`);
}

/** Signs in with an API key at `/` and waits for the first tile of the board. */
export async function signIn(page: Page, baseUrl: string, key: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.tile').first().waitFor({ timeout: 20_000 });
}
