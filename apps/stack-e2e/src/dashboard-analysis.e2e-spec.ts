import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { createShopfloorClient, type ShopfloorClient } from '@shopfloor/client';
import { createSourceDatabase, waitFor, workspaceRoot, type TestSourceDatabase } from '@shopfloor/testing';
import { launchBrowser, PageProblems, SCREENSHOTS, seriousAccessibilityViolations, signIn as signInAt } from './browser';
import { ADMIN_KEY, Stack } from './stack';

const run = promisify(execFile);
const ZONE = 'Europe/Berlin';
const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
// en-US, as Chromium runs here: the screen's numbers read like the PDF's.
const PERCENT = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Yesterday's date in the zone (YYYY-MM-DD). */
function yesterdayIn(timeZone: string): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * The analysis screens of the dashboard in a real browser against the whole stack, on three days of a simulated shop
 * floor (machines named in Czech, Chinese and Hebrew): a machine's timeline, OEE and losses; the loss Pareto and heat
 * map; the daily report on screen with the same numbers as its PDF; for an admin, a viewer and a phone.
 */
describe('the dashboard analysis screens in a browser', () => {
  const stack = new Stack();
  const prefix = `A${randomBytes(2).toString('hex')}-`;
  const names = ['Fräse Čapek 1', '铣床 二号', 'מחרטה 3'];
  const ids = [1, 2, 3].map((n) => `${prefix}${String(n).padStart(3, '0')}`);
  const yesterday = yesterdayIn(ZONE);
  let source: TestSourceDatabase;
  let admin: ShopfloorClient;
  let viewerKey = '';
  let browser: BrowserContext;
  let closeBrowser: (() => Promise<void>) | undefined;
  let downloads = '';

  const signIn = (page: Page, key: string): Promise<void> => signInAt(page, stack.gatewayUrl, key);
  const shot = (page: Page, name: string): Promise<Buffer> => page.screenshot({ path: join(SCREENSHOTS, `dashboard-${name}.png`), fullPage: true });

  /** Opens a screen and waits until it has no loading notice left. */
  async function open(page: Page, path: string, ready: string): Promise<void> {
    await page.goto(`${stack.gatewayUrl}${path}`);
    await page.locator(ready).first().waitFor({ timeout: 30_000 });
    await waitFor(`${path} to finish loading`, async () => (await page.locator('.loading').count()) === 0, 30_000, 200);
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    downloads = mkdtempSync(join(tmpdir(), 'dashboard-downloads-'));
    source = await createSourceDatabase('cimco_dash_analysis');
    const simulator = join(workspaceRoot(), 'dist', 'apps', 'simulator', 'apps', 'simulator', 'src', 'main.js');
    await run(process.execPath, [simulator, '--machines', '3', '--days', '3', '--seed', '5', '--readings-interval-s', '600', '--machine-prefix', prefix], {
      env: { ...process.env, CIMCO_DATABASE_URL: source.url },
      maxBuffer: 16 * 1024 * 1024,
    });
    for (const [i, id] of ids.entries()) await source.connection.query('UPDATE machines SET name = ? WHERE machine_id = ?', [names[i], id]);
    await stack.start({ CIMCO_DATABASE_URL: source.url, SYNC_INTERVAL_SECONDS: '0', SYNC_SAFETY_LAG_MS: '0', RATE_LIMIT_PER_MINUTE: '100000' });
    admin = createShopfloorClient({ baseUrl: stack.gatewayUrl, apiKey: ADMIN_KEY });
    const calendar = await admin.PUT('/api/v1/calendars/{calendar_id}', {
      params: { path: { calendar_id: 'default' } },
      body: {
        timezone: ZONE,
        shifts: [
          { name: 'early', days: [...EVERY_DAY], start: '06:00', end: '14:00' },
          { name: 'late', days: [...EVERY_DAY], start: '14:00', end: '22:00' },
          { name: 'night', days: [...EVERY_DAY], start: '22:00', end: '06:00' },
        ],
      },
    });
    expect(calendar.response.status).toBe(200);
    const started = await admin.POST('/api/v1/data/sync', { body: { mode: 'full' } });
    expect(started.response.status).toBe(202);
    await waitFor(
      'the sync to succeed',
      async () => {
        const last = (await admin.GET('/api/v1/data/sync-status')).data?.last_run;
        return last?.sync_id === started.data?.sync_id && last?.state === 'succeeded';
      },
      120_000,
      500,
    );
    await waitFor('the read model to hold every machine', async () => (await admin.GET('/api/v1/machines')).data?.items.length === ids.length, 60_000, 500);
    viewerKey = (await admin.POST('/api/v1/auth/api-keys', { body: { name: 'analysis viewer', role: 'viewer' } })).data!.key;
    ({ context: browser, close: closeBrowser } = await launchBrowser());
  }, 240_000);

  afterAll(async () => {
    await closeBrowser?.();
    rmSync(downloads, { recursive: true, force: true });
    stack.kill();
    await stack.database?.drop();
    await source?.drop();
  });

  it("opens a machine from its tile: the day's timeline, OEE as the API counts it, the six big losses, jobs and sensors", async () => {
    const page = await browser.newPage();
    const seen = new PageProblems(page);
    await signIn(page, ADMIN_KEY);
    const tile = page.locator(`.tile[data-machine-id="${ids[1]}"]`);
    await waitFor('the tile to show the OEE of the current shift', async () => (await tile.getByTestId('shift-oee').count()) === 1, 20_000, 200);
    await expect(tile.getByTestId('shift-oee').textContent()).resolves.toMatch(/%|no planned time/);
    await tile.getByRole('link', { name: names[1] }).click();
    await page.waitForURL(`**/machines/${encodeURIComponent(ids[1])}`);
    await page.getByTestId('oee-value').waitFor({ timeout: 30_000 });
    await waitFor('the machine screen to finish loading', async () => (await page.locator('.loading').count()) === 0, 30_000, 200);
    await open(page, `/machines/${encodeURIComponent(ids[1])}?date=${yesterday}`, '[data-testid="oee-value"]');

    await expect(page.locator('h1').textContent()).resolves.toBe(names[1]);
    expect(await page.locator('.lane-track[aria-label="State"] .segment').count()).toBeGreaterThan(0);
    const oee = await admin.GET('/api/v1/analytics/oee', { params: { query: { machine_id: ids[1], ...(await periodOf(page)) } } });
    expect(oee.data?.overall_oee).not.toBeNull();
    await expect(page.getByTestId('oee-value').textContent()).resolves.toBe(PERCENT.format(oee.data!.overall_oee!));
    await expect(page.locator('[data-testid="losses-waterfall"] svg').count()).resolves.toBe(1);
    expect(await page.locator('[data-testid="jobs"] tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="sensors"] figure').count()).toBeGreaterThan(0);
    await page.getByTestId('predictions').waitFor();
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await shot(page, 'machine');

    // A week at once: the strip and the OEE follow the span chosen.
    const day = await periodOf(page);
    await page.getByLabel('Span').selectOption('week');
    await waitFor(
      'the week to be shown',
      async () => (await page.getByTestId('timeline').count()) === 1 && (await periodOf(page)).from !== day.from,
      20_000,
      200,
    );
    await waitFor('the week to finish loading', async () => (await page.locator('.loading').count()) === 0, 20_000, 200);
    expect((Date.parse((await periodOf(page)).to) - Date.parse((await periodOf(page)).from)) / 86_400_000).toBeCloseTo(7, 1);
    expect(await page.locator('.lane-track[aria-label="State"] .segment').count()).toBeGreaterThan(0);
    await shot(page, 'machine-week');
    expect(seen.problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('shows where the time goes: the Pareto of the API, the heat map and the machines losing most', async () => {
    const page = await browser.newPage();
    const seen = new PageProblems(page);
    await signIn(page, ADMIN_KEY);
    await page.getByRole('link', { name: 'Losses' }).click();
    await page.getByTestId('pareto').waitFor({ timeout: 30_000 });
    await page.getByLabel('Period').selectOption('30d');
    await waitFor(
      'the 30 days to be shown',
      async () => new URL(page.url()).searchParams.get('period') === '30d' && (await page.locator('.loading').count()) === 0,
      20_000,
      200,
    );

    const patterns = await admin.GET('/api/v1/analytics/downtime-patterns', { params: { query: await periodOf(page, 'loss-kpis') } });
    const rows = page.locator('[data-testid="pareto"] tbody tr');
    await expect(rows.count()).resolves.toBe(patterns.data!.pareto.length);
    await expect(rows.first().locator('td').first().textContent()).resolves.toBe(patterns.data!.pareto[0].reason_code);
    await expect(page.locator('[data-testid="heatmap"] svg').count()).resolves.toBe(1);
    await expect(page.locator('[data-testid="top-losers"] tbody tr').count()).resolves.toBe(patterns.data!.top_losers.length);
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await shot(page, 'losses');

    await page.getByRole('combobox', { name: /^Machine/ }).selectOption(ids[0]);
    await waitFor(
      'one machine to be shown',
      async () => (await page.locator('.help').first().textContent())?.includes(`machine ${ids[0]}`) === true,
      20_000,
      200,
    );
    expect(seen.problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('shows the daily report with the same numbers as its PDF, downloads it, and refuses a bad schedule by field', async () => {
    const page = await browser.newPage();
    const seen = new PageProblems(page);
    await signIn(page, ADMIN_KEY);
    await open(page, `/reports?date=${yesterday}`, '[data-testid="report-table-Machines"]');

    const screenRows = page.locator('[data-testid="report-table-Machines"] tbody tr');
    await expect(screenRows.count()).resolves.toBe(ids.length);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-pdf').click()]);
    const pdf = join(downloads, download.suggestedFilename());
    await download.saveAs(pdf);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const { stdout: text } = await run('pdftotext', ['-layout', pdf, '-']);
    for (const [i, name] of names.entries()) {
      const row = screenRows.filter({ hasText: ids[i] });
      await expect(row.locator('td').nth(1).textContent()).resolves.toBe(name);
      const oee = await row.locator('td[data-column="overall_oee"]').textContent();
      const planned = await row.locator('td[data-column="planned_production_time"]').textContent();
      expect(oee).toMatch(/^\d+\.\d%$|^n\/a$/);
      // The PDF prints each machine's row with the same formatted values (a row may be split across its tables).
      // A name may wrap in its column, and right-to-left words are laid out visually: word by word, in either order.
      for (const word of name.split(' ')) expect(text.includes(word) || text.includes([...word].reverse().join(''))).toBe(true);
      expect(text).toContain(oee ?? '');
      expect(text).toContain(planned ?? '');
    }
    await expect(page.getByRole('status').filter({ hasText: 'downloaded' }).count()).resolves.toBe(1);

    await page.getByLabel('Cron (minute hour day month weekday)').fill('every morning');
    await page.getByLabel('Recipients (e-mail addresses)').fill('supervisor@example.com');
    await page.getByRole('button', { name: 'Add schedule' }).click();
    await page.locator('.field-error').first().waitFor({ timeout: 10_000 });
    await expect(page.locator('.field-error').first().textContent()).resolves.toMatch(/cron/i);
    seen.problems.splice(0, seen.problems.length, ...seen.problems.filter((p) => !p.includes('HTTP 400: POST') && !p.includes('status of 400')));
    await page.getByLabel('Cron (minute hour day month weekday)').fill('5 6 * * 1-5');
    await page.getByRole('button', { name: 'Add schedule' }).click();
    await page.getByTestId('schedules').waitFor({ timeout: 10_000 });

    await page.getByRole('button', { name: 'Show report' }).click();
    await page.locator('[data-testid="report"]').nth(1).waitFor({ timeout: 30_000 });
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await shot(page, 'reports');
    expect(seen.problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('offers a viewer the same analysis without admin actions, and fits a phone', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const seen = new PageProblems(page);
    await signIn(page, viewerKey);
    for (const [path, ready, name] of [
      [`/machines/${encodeURIComponent(ids[0])}?date=${yesterday}`, '[data-testid="oee-value"]', 'machine'],
      ['/losses', '[data-testid="loss-kpis"]', 'losses'],
      [`/reports?date=${yesterday}`, '[data-testid="report-table-Machines"]', 'reports'],
    ] as const) {
      await open(page, path, ready);
      await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(390);
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
      await shot(page, `${name}-viewer-phone`);
    }
    await expect(page.getByRole('button', { name: 'Add schedule' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Delete' }).count()).resolves.toBe(0);
    expect(seen.problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('says plainly when a machine is unknown or a page does not exist', async () => {
    const page = await browser.newPage();
    const seen = new PageProblems(page);
    await signIn(page, ADMIN_KEY);
    await page.goto(`${stack.gatewayUrl}/machines/NO-SUCH-MACHINE`);
    await page.getByRole('alert').waitFor({ timeout: 20_000 });
    await expect(page.getByRole('alert').textContent()).resolves.toContain('NO-SUCH-MACHINE is not known');
    expect(seen.problems.filter((p) => !p.includes('404'))).toEqual([]);
    await page.goto(`${stack.gatewayUrl}/no/such/screen`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    await page.close();
  });

  /** The period a screen shows, as the element named carries it. */
  async function periodOf(page: Page, testId = 'timeline'): Promise<{ from: string; to: string }> {
    const element = page.getByTestId(testId);
    return { from: (await element.getAttribute('data-from')) ?? '', to: (await element.getAttribute('data-to')) ?? '' };
  }
});
