import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { createShopfloorClient, type ShopfloorClient } from '@shopfloor/client';
import { createSourceDatabase, freePort, waitFor, type TestSourceDatabase } from '@shopfloor/testing';
import { launchBrowser, PageProblems, SCREENSHOTS, seriousAccessibilityViolations, signIn as signInAt } from './browser';
import { ADMIN_KEY, Stack } from './stack';

/**
 * The operations screens (Alerts, Models, Data) in a real browser against the whole stack: an alert raised by a
 * breakdown written at the CIMCO source appears without a reload and is acknowledged; a second, stale tab is refused
 * gracefully; the rule editor shows the API's validation beside its field; a training is followed to its end; a hostile
 * source row is quarantined and shown as text. A viewer is offered none of the actions; every screen fits a phone.
 */
describe('the operations screens in a browser', () => {
  const stack = new Stack();
  const run = randomUUID().slice(0, 6);
  const machines = [
    { id: `OPS-A-${run}`, name: 'Mill 1', type: 'MILL', location: 'Hall 1' },
    { id: `OPS-B-${run}`, name: 'Lathe 2', type: 'LATHE', location: 'Hall 1' },
    { id: `OPS-C-${run}`, name: 'Grinder 3', type: 'GRINDER', location: 'Hall 2' },
  ];
  const breaking = machines[0];
  // A job whose state is not one the platform knows, carrying markup: quarantined, and shown as the text it is.
  const hostileJob = `OPS-Q-${run}`;
  const hostileState = '<script>x</script>';
  const hostilePart = '<img src=x onerror=alert(1)>';
  let source: TestSourceDatabase;
  let admin: ShopfloorClient;
  let viewerKey = '';
  let browser: BrowserContext;
  let closeBrowser: (() => Promise<void>) | undefined;
  let alertId = '';
  let ruleId = '';

  const at = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000).toISOString().slice(0, 23).replace('T', ' ');
  const signIn = (page: Page, key: string): Promise<void> => signInAt(page, stack.gatewayUrl, key);
  /** Opens a screen through the navigation, as a user would (no reload). */
  const open = async (page: Page, name: 'Alerts' | 'Models' | 'Data'): Promise<void> => {
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 20_000 });
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });
  /** No console errors or failed requests, except the answers the test provoked on purpose. */
  const expectNoProblems = (seen: PageProblems, expected: RegExp[] = []) => expect(seen.problems.filter((p) => !expected.some((e) => e.test(p)))).toEqual([]);
  /** The page's width, and the outermost elements reaching past the viewport when it is too wide (to say what to fix). */
  const pageWidth = (page: Page) =>
    page.evaluate<{ width: number; past: string[] }>(`(() => {
      const width = document.documentElement.scrollWidth;
      const past = [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > window.innerWidth + 1))
        .slice(0, 5)
        .map((e) => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().right));
      return { width, past };
    })()`);

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    source = await createSourceDatabase('cimco_ops');
    for (const m of machines) {
      await source.connection.query('INSERT INTO machines (machine_id, name, type, location) VALUES (?, ?, ?, ?)', [m.id, m.name, m.type, m.location]);
      await source.connection.query(`INSERT INTO machine_events (machine_id, event_time, state, job_id, part_count) VALUES (?, ?, 'RUNNING', ?, 10)`, [
        m.id,
        at(600),
        `JOB-${m.id}`,
      ]);
    }
    // Ten days of two-shift work with a breakdown every third day: a short history for a training to start on.
    const midnight = Math.floor(Date.now() / 86_400_000) * 86_400_000;
    const day = (daysAgo: number, hour: number) => new Date(midnight - daysAgo * 86_400_000 + hour * 3_600_000).toISOString().slice(0, 23).replace('T', ' ');
    const jobs: unknown[][] = [];
    const stops: unknown[][] = [];
    for (const m of machines) {
      for (let d = 10; d >= 1; d -= 1) {
        jobs.push([`${m.id}-J${d}`, m.id, 'P-1', day(d, 6), day(d, 22), 'COMPLETED', 50, 60, 900, 9]);
        stops.push([`${m.id}-S${d}`, m.id, 'MATERIAL', day(d, 12), 600, 'U03']);
        if (d % 3 === 0) stops.push([`${m.id}-B${d}`, m.id, 'BREAKDOWN', day(d, 9), 2_400, 'B99']);
      }
    }
    await source.connection.query(
      'INSERT INTO jobs (job_id, machine_id, part_number, start_time, end_time, state, ideal_cycle_time, cycle_time, parts_produced, parts_scrapped) VALUES ?',
      [jobs],
    );
    await source.connection.query('INSERT INTO downtime_records (record_id, machine_id, downtime_type, start_time, duration, reason_code) VALUES ?', [stops]);
    await source.connection.query(`INSERT INTO jobs (job_id, machine_id, part_number, start_time, end_time, state) VALUES (?, ?, ?, ?, NULL, ?)`, [
      hostileJob,
      breaking.id,
      hostilePart,
      at(3600),
      hostileState,
    ]);
    await stack.start({
      CIMCO_DATABASE_URL: source.url,
      SYNC_INTERVAL_SECONDS: '1',
      SYNC_SAFETY_LAG_MS: '0',
      SHOP_TIMEZONE: 'Europe/Berlin',
      ALERT_TICK_SECONDS: '1',
      DELIVERY_POLL_MS: '200',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    admin = createShopfloorClient({ baseUrl: stack.gatewayUrl, apiKey: ADMIN_KEY });
    await waitFor(
      'the machines to be synced and running',
      async () => {
        const { data } = await admin.GET('/api/v1/analytics/live');
        return machines.every((m) => data?.items.some((i) => i.machine_id === m.id && i.state === 'RUNNING'));
      },
      60_000,
      500,
    );
    const calendar = await admin.PUT('/api/v1/calendars/{calendar_id}', {
      params: { path: { calendar_id: 'default' } },
      body: { timezone: 'Europe/Berlin', shifts: [{ name: 'day', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '06:00', end: '22:00' }] },
    });
    expect(calendar.response.status).toBe(200);
    // A breakdown rule for the machine that will stop, with a webhook nobody listens to: the delivery log has a failing entry.
    const deadPort = await freePort();
    const rule = await admin.POST('/api/v1/alerts/rules', {
      body: {
        name: `Breakdown of ${breaking.id}`,
        condition: 'machine_down_longer_than',
        params: { minutes: 0 },
        scope: { machine_ids: [breaking.id] },
        severity: 'critical',
        channels: [{ type: 'websocket' }, { type: 'webhook', url: `http://127.0.0.1:${deadPort}/hook` }],
      },
    });
    expect(rule.error).toBeUndefined();
    ruleId = rule.data!.id;
    viewerKey = (await admin.POST('/api/v1/auth/api-keys', { body: { name: 'hall viewer', role: 'viewer' } })).data!.key;
    ({ context: browser, close: closeBrowser } = await launchBrowser());
  }, 180_000);

  afterAll(async () => {
    await closeBrowser?.();
    await stack.stop();
    await source?.drop();
  });

  it('shows a breakdown alert as it opens, takes an acknowledgement with a comment, and refuses a stale second one gracefully', async () => {
    const page = await browser.newPage();
    const seen = new PageProblems(page);
    await signIn(page, ADMIN_KEY);
    await open(page, 'Alerts');
    await page.getByTestId('alerts-live').filter({ hasText: 'Live' }).waitFor({ timeout: 10_000 });
    await page.evaluate('window.alertsMarker = 7');

    await source.connection.query(`INSERT INTO machine_events (machine_id, event_time, state, reason_code) VALUES (?, ?, 'DOWN', 'SPINDLE')`, [
      breaking.id,
      at(1),
    ]);
    // The default breakdown rule opens an alert of its own beside this rule's: the test follows this rule's.
    alertId = await waitFor(
      'the alert to open',
      async () =>
        (await admin.GET('/api/v1/alerts', { params: { query: { machine_id: breaking.id, state: 'open' } } })).data?.items.find((a) => a.rule_id === ruleId)
          ?.id,
      60_000,
      250,
    );
    await page.locator(`tr[data-alert-id="${alertId}"]`).waitFor({ timeout: 15_000 });
    await expect(page.evaluate<number | undefined>('window.alertsMarker')).resolves.toBe(7);
    const alertRow = page.locator(`tr[data-alert-id="${alertId}"]`);
    await expect(alertRow.getAttribute('data-state')).resolves.toBe('open');
    await expect(alertRow.textContent()).resolves.toMatch(/critical/);
    // Times in the shop's zone, named.
    await expect(alertRow.locator('time').first().textContent()).resolves.toMatch(/GMT\+[12]|CES?T/);
    await expect(page.locator('.zone-note').textContent()).resolves.toContain('shop time, Europe/Berlin');

    // A second tab whose live channel is silent: it still shows the alert as open when the first acknowledges it.
    const stale = await browser.newPage();
    const staleSeen = new PageProblems(stale);
    await stale.routeWebSocket(/\/ws\/alerts/, () => undefined);
    await signIn(stale, ADMIN_KEY);
    await open(stale, 'Alerts');
    await stale
      .locator(`tr[data-alert-id="${alertId}"]`)
      .getByRole('button', { name: /Details/ })
      .click();
    await stale.getByTestId('alert-detail').getByRole('button', { name: 'Acknowledge' }).waitFor({ timeout: 20_000 });

    await alertRow.getByRole('button', { name: /Details/ }).click();
    const detail = page.getByTestId('alert-detail');
    await detail.getByRole('button', { name: 'Acknowledge' }).waitFor();
    await detail.getByLabel('Comment (optional)').fill('On my way, spindle check');
    await detail.getByRole('button', { name: 'Acknowledge' }).click();
    await detail.getByTestId('action-outcome').filter({ hasText: 'Acknowledged.' }).waitFor({ timeout: 10_000 });
    await detail.getByTestId('detail-state').filter({ hasText: 'acknowledged' }).waitFor({ timeout: 10_000 });
    await expect(detail.locator('.timeline').textContent()).resolves.toContain('On my way, spindle check');
    await waitFor('the list to show the acknowledgement', async () => (await alertRow.getAttribute('data-state')) === 'acknowledged', 10_000, 200);
    await expect(detail.getByRole('button', { name: 'Acknowledge' }).count()).resolves.toBe(0);
    await expect(detail.getByRole('button', { name: 'Resolve' }).count()).resolves.toBe(1);

    await stale.getByTestId('alert-detail').getByRole('button', { name: 'Acknowledge' }).click();
    const refusal = stale.getByTestId('alert-detail').getByRole('alert');
    await refusal.waitFor({ timeout: 10_000 });
    await expect(refusal.textContent()).resolves.toBe('Not acknowledged: this alert is already acknowledged. The list shows its current state.');
    // The refusal refreshed the stale tab: it now shows the state as it is, and no second acknowledgement is offered.
    await stale.getByTestId('alert-detail').getByTestId('detail-state').filter({ hasText: 'acknowledged' }).waitFor({ timeout: 10_000 });
    expectNoProblems(staleSeen, [/HTTP 409: POST .*\/acknowledge$/, /status of 409/]);
    await stale.close();

    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await shot(page, 'dashboard-alerts.png');
    expectNoProblems(seen);
    await page.close();
  }, 120_000);

  it('lets an admin edit rules, with the API validation shown beside the field, and read the delivery log', async () => {
    const page = await browser.newPage();
    const seen = new PageProblems(page);
    await signIn(page, ADMIN_KEY);
    await open(page, 'Alerts');
    await page.getByRole('navigation', { name: 'Alert views' }).getByRole('link', { name: 'Rules' }).click();
    await page.getByRole('heading', { name: 'Rules' }).waitFor();
    await page.getByRole('cell', { name: `Breakdown of ${breaking.id}`, exact: true }).waitFor({ timeout: 10_000 });

    await page.getByRole('button', { name: 'New rule' }).click();
    const form = page.locator('.rule-form');
    await form.getByLabel('Name').fill(`Long stop ${run}`);
    await form.getByLabel('Condition').selectOption('machine_down_longer_than');
    await form.getByLabel('Minutes down').fill('99999');
    await form.getByLabel('Machine types').fill('MILL, LATHE');
    await form.getByRole('button', { name: 'Save rule' }).click();
    const minutesError = form.getByTestId('error-rule-param-minutes');
    await minutesError.waitFor({ timeout: 10_000 });
    await expect(minutesError.textContent()).resolves.toMatch(/10080|at most|between/i);
    await expect(form.getByLabel('Minutes down').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(form.getByTestId('rule-form-error').textContent()).resolves.toContain('not saved');
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await shot(page, 'dashboard-alerts-rules.png');

    await form.getByLabel('Minutes down').fill('30');
    await form.getByRole('button', { name: 'Save rule' }).click();
    await page.getByRole('cell', { name: `Long stop ${run}`, exact: true }).waitFor({ timeout: 10_000 });
    const { data: rules } = await admin.GET('/api/v1/alerts/rules');
    expect(rules?.items.find((r) => r.name === `Long stop ${run}`)).toMatchObject({ params: { minutes: 30 }, scope: { machine_types: ['MILL', 'LATHE'] } });

    await page.getByRole('navigation', { name: 'Alert views' }).getByRole('link', { name: 'Delivery log' }).click();
    await page.getByRole('heading', { name: 'Delivery log' }).waitFor();
    // The webhook of the breakdown rule has nobody listening: its delivery is listed, pending a retry or failed.
    await page.locator('td', { hasText: '/hook' }).first().waitFor({ timeout: 15_000 });
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await shot(page, 'dashboard-alerts-deliveries.png');
    expectNoProblems(seen, [/HTTP 400: POST .*\/api\/v1\/alerts\/rules$/, /status of 400/]);
    await page.close();
  }, 90_000);

  it('shows the models, or why there are none, and follows a training started by an admin to its end', async () => {
    const page = await browser.newPage();
    const seen = new PageProblems(page);
    await signIn(page, ADMIN_KEY);
    await open(page, 'Models');
    await page.locator('section[data-model-type="downtime"]').waitFor({ timeout: 20_000 });
    const { data: models } = await admin.GET('/api/v1/ml/models');
    if ((models?.items.length ?? 0) === 0)
      await expect(page.getByRole('status').filter({ hasText: 'No models yet' }).textContent()).resolves.toContain('7 days of it');

    const startedTraining = page.waitForResponse((r) => r.url().endsWith('/api/v1/ml/train') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Train now (Downtime)' }).click();
    const answer = await startedTraining;
    const state = page.getByTestId('training-state-downtime');
    const seenStates = new Set<string>();
    let outcome = 'refused';
    if (answer.status() === 202) {
      const trainingId = ((await answer.json()) as { training_id: string }).training_id;
      outcome = await waitFor(
        'the training to end',
        async () => {
          const s = (await state.getAttribute('data-state')) ?? '';
          seenStates.add(s);
          if (s === 'running') await expect(page.getByRole('progressbar', { name: 'Downtime training progress' }).count()).resolves.toBe(1);
          return s === 'succeeded' || s === 'failed' ? s : undefined;
        },
        90_000,
        100,
      ).catch(async (error: Error) => {
        const view = (await admin.GET('/api/v1/ml/train/{training_id}', { params: { path: { training_id: trainingId } } })).data;
        throw new Error(`${error.message}; shown: ${await state.textContent()}; states seen: ${[...seenStates].join(', ')}; API: ${JSON.stringify(view)}`);
      });
      // Listed for every reader, newest first, so a reload or another tab finds it again.
      const listed = await admin.GET('/api/v1/ml/train', { params: { query: { model_type: 'downtime', limit: 5 } } });
      expect(listed.data?.items[0]).toMatchObject({ training_id: trainingId, state: outcome });
    } else await waitFor('the refusal to be shown', async () => (await state.getAttribute('data-state')) === 'refused', 5_000, 100);
    const text = (await state.textContent()) ?? '';
    // On a short history the outcome is stated either way: a new version, or the reason it could not learn.
    if (outcome === 'succeeded') {
      expect(text).toContain('Done');
      await page.locator('section[data-model-type="downtime"] tr[data-version]').first().waitFor({ timeout: 10_000 });
    } else {
      expect(text).toMatch(/.{20,}/);
      await expect(state.getAttribute('role')).resolves.toBe('alert');
    }
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await shot(page, 'dashboard-models.png');
    expectNoProblems(seen, outcome === 'refused' ? [/HTTP 4\d\d: POST .*\/api\/v1\/ml\/train$/, /status of 4\d\d/] : []);
    await page.close();
  }, 120_000);

  it('shows the sync status and a quarantined hostile row as plain text', async () => {
    const page = await browser.newPage();
    const seen = new PageProblems(page);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await signIn(page, ADMIN_KEY);
    await open(page, 'Data');
    const status = page.getByTestId('sync-status');
    await status.waitFor({ timeout: 20_000 });
    await expect(status.getAttribute('data-state')).resolves.toMatch(/idle|running|degraded/);
    await expect(page.getByTestId('last-run-state').textContent()).resolves.toMatch(/succeeded|running|failed/);

    const hostile = page.getByTestId('quarantined-row').filter({ hasText: hostileJob });
    await hostile.waitFor({ timeout: 20_000 });
    await expect(hostile.textContent()).resolves.toContain(hostileState);
    await hostile.getByText('Raw row').click();
    await expect(hostile.locator('.raw-row').textContent()).resolves.toContain(hostilePart);
    await expect(page.locator('.quarantine-table script, .quarantine-table img').count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);

    await page.getByTestId('data-sync-now').click();
    // The sync runs every second, so this one may find another running: either answer is said plainly.
    await page
      .locator('.sync-status')
      .getByText(/Sync started\.|A sync is (already )?running/)
      .first()
      .waitFor({ timeout: 10_000 });
    await page.getByRole('heading', { name: 'Dead letters' }).waitFor();
    await page.getByTestId('source-comparison').waitFor({ timeout: 30_000 });
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await shot(page, 'dashboard-data.png');
    expectNoProblems(seen, [/HTTP 409: POST .*\/api\/v1\/data\/sync$/, /status of 409/]);
    await page.close();
  }, 90_000);

  it('offers a viewer reading only: no acknowledge, rules, deliveries, training, activation, sync or replay', async () => {
    const page = await browser.newPage();
    const seen = new PageProblems(page);
    await signIn(page, viewerKey);

    await open(page, 'Alerts');
    await page
      .locator(`tr[data-alert-id="${alertId}"]`)
      .getByRole('button', { name: /Details/ })
      .click();
    await page.getByTestId('alert-detail').getByTestId('detail-state').waitFor();
    await expect(page.getByRole('button', { name: /Acknowledge|Resolve/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('navigation', { name: 'Alert views' }).count()).resolves.toBe(0);
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await shot(page, 'dashboard-alerts-viewer.png');
    await page.goto(`${stack.gatewayUrl}/alerts?tab=rules`);
    await page.getByRole('heading', { name: 'Alert list' }).waitFor({ timeout: 20_000 });
    await expect(page.getByRole('button', { name: 'New rule' }).count()).resolves.toBe(0);
    await expect(page.getByRole('heading', { name: 'Delivery log' }).count()).resolves.toBe(0);

    await open(page, 'Models');
    await page.locator('section[data-model-type="downtime"]').waitFor({ timeout: 20_000 });
    await expect(page.getByRole('button', { name: /Train|Activate|Roll back/ }).count()).resolves.toBe(0);
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await shot(page, 'dashboard-models-viewer.png');

    await open(page, 'Data');
    await page.getByTestId('sync-status').waitFor({ timeout: 20_000 });
    await page.getByTestId('quarantined-row').first().waitFor({ timeout: 20_000 });
    await expect(page.getByRole('button', { name: /Sync now|Replay/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('heading', { name: 'Dead letters' }).count()).resolves.toBe(0);
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await shot(page, 'dashboard-data-viewer.png');
    expectNoProblems(seen);
    await page.close();
  }, 90_000);

  it('fits each screen on a phone, accessibly', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const seen = new PageProblems(page);
    await signIn(page, ADMIN_KEY);
    const screens = [
      { name: 'Alerts', ready: () => page.locator(`tr[data-alert-id="${alertId}"]`).waitFor({ timeout: 20_000 }), file: 'dashboard-alerts-phone.png' },
      { name: 'Models', ready: () => page.locator('section[data-model-type="anomaly"]').waitFor({ timeout: 20_000 }), file: 'dashboard-models-phone.png' },
      { name: 'Data', ready: () => page.getByTestId('source-comparison').waitFor({ timeout: 30_000 }), file: 'dashboard-data-phone.png' },
    ] as const;
    for (const screen of screens) {
      await open(page, screen.name);
      await screen.ready();
      const { width, past } = await pageWidth(page);
      expect({ screen: screen.name, width: Math.min(width, 390), past: width > 390 ? past : [] }).toEqual({ screen: screen.name, width: 390, past: [] });
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
      await shot(page, screen.file);
    }
    expectNoProblems(seen);
    await page.close();
  }, 120_000);
});
