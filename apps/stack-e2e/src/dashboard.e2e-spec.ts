import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { connect, JSONCodec } from 'nats';
import { createShopfloorClient, type ShopfloorClient } from '@shopfloor/client';
import { SUBJECTS, type PredictionEvent } from '@shopfloor/contracts';
import { createSourceDatabase, waitFor, type TestSourceDatabase } from '@shopfloor/testing';
import { launchBrowser, PageProblems, SCREENSHOTS, seriousAccessibilityViolations, signIn as signInAt } from './browser';
import { ADMIN_KEY, Stack } from './stack';

const SYNC_INTERVAL_SECONDS = 1;
const TOKEN_TTL_SECONDS = 60;

/**
 * The web dashboard in a real browser against the whole stack: machines written at a CIMCO source, synced every
 * second, shown as tiles that follow a state change at the source without a reload, for an admin and a viewer, on a
 * desktop and a phone, accessible by axe-core's rules.
 */
describe('the web dashboard in a browser', () => {
  const stack = new Stack();
  const run = randomUUID().slice(0, 6);
  const machines = [
    { id: `DASH-A-${run}`, name: 'Mill 1', type: 'MILL', location: 'Hall 1' },
    { id: `DASH-B-${run}`, name: 'Lathe 2', type: 'LATHE', location: 'Hall 1' },
    { id: `DASH-C-${run}`, name: '5-axis 3', type: '5AXIS', location: 'Hall 2' },
  ];
  // Silent for longer than LIVE_SILENCE_SECONDS: a data gap, shown unlike a stop.
  const silent = { id: `DASH-D-${run}`, name: 'Grinder 4', type: 'GRINDER', location: 'Hall 2' };
  const everyMachine = [...machines, silent];
  const screenshots = SCREENSHOTS;
  let source: TestSourceDatabase;
  let admin: ShopfloorClient;
  let viewerKey = '';
  let viewerKeyId = '';
  let browser: BrowserContext;
  let closeBrowser: (() => Promise<void>) | undefined;

  const at = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000).toISOString().slice(0, 23).replace('T', ' ');

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    source = await createSourceDatabase('cimco_dash');
    for (const m of machines) {
      await source.connection.query('INSERT INTO machines (machine_id, name, type, location) VALUES (?, ?, ?, ?)', [m.id, m.name, m.type, m.location]);
      await source.connection.query(`INSERT INTO machine_events (machine_id, event_time, state, job_id, part_count) VALUES (?, ?, 'RUNNING', ?, 1250)`, [
        m.id,
        at(90),
        `JOB-${m.id}`,
      ]);
    }
    await source.connection.query('INSERT INTO machines (machine_id, name, type, location) VALUES (?, ?, ?, ?)', [
      silent.id,
      silent.name,
      silent.type,
      silent.location,
    ]);
    await source.connection.query(`INSERT INTO machine_events (machine_id, event_time, state) VALUES (?, ?, 'RUNNING')`, [silent.id, at(2 * 3600)]);
    await stack.start({
      CIMCO_DATABASE_URL: source.url,
      SYNC_INTERVAL_SECONDS: String(SYNC_INTERVAL_SECONDS),
      SYNC_SAFETY_LAG_MS: '0',
      LIVE_SILENCE_SECONDS: '3600',
      LIVE_SWEEP_SECONDS: '1',
      RATE_LIMIT_PER_MINUTE: '100000',
      // Tokens of the shortest allowed life, so that the browser has to renew one while it is watched.
      JWT_TTL_SECONDS: String(TOKEN_TTL_SECONDS),
    });
    admin = createShopfloorClient({ baseUrl: stack.gatewayUrl, apiKey: ADMIN_KEY });
    await waitFor(
      'the machines and their live states to be synced',
      async () => {
        const { data } = await admin.GET('/api/v1/analytics/live');
        const stateOf = (id: string) => data?.items.find((i) => i.machine_id === id)?.state;
        return machines.every((m) => stateOf(m.id) === 'RUNNING') && stateOf(silent.id) === 'UNAVAILABLE';
      },
      60_000,
      500,
    );
    // The shop's zone: the default calendar's, which the board shows times in.
    const calendar = await admin.PUT('/api/v1/calendars/{calendar_id}', {
      params: { path: { calendar_id: 'default' } },
      body: { timezone: 'Europe/Berlin', shifts: [{ name: 'day', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '06:00', end: '22:00' }] },
    });
    expect(calendar.response.status).toBe(200);
    const created = await admin.POST('/api/v1/auth/api-keys', { body: { name: 'hall board', role: 'viewer' } });
    viewerKey = created.data!.key;
    viewerKeyId = created.data!.id;
    ({ context: browser, close: closeBrowser } = await launchBrowser());
  }, 180_000);

  afterAll(async () => {
    await closeBrowser?.();
    stack.kill();
    await stack.database?.drop();
    await source?.drop();
  });

  const signIn = (page: Page, key: string): Promise<void> => signInAt(page, stack.gatewayUrl, key);

  it('serves the app at / under its content policy, with hashed assets cached for good', async () => {
    const page = await fetch(`${stack.gatewayUrl}/`, { headers: { Accept: 'text/html' } });
    const html = await page.text();
    const csp = page.headers.get('content-security-policy') ?? '';

    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ wss:\/\/127\.0\.0\.1:\d+/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const assetRes = await fetch(`${stack.gatewayUrl}${asset}`);
    expect(assetRes.status).toBe(200);
    expect(assetRes.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const deepLink = await fetch(`${stack.gatewayUrl}/board/hall-1`, { headers: { Accept: 'text/html' } });
    expect(await deepLink.text()).toBe(html);
    const apiMiss = await fetch(`${stack.gatewayUrl}/api/v1/nothing`, { headers: { Accept: 'text/html' } });
    expect(apiMiss.status).toBeGreaterThanOrEqual(400);
    expect(apiMiss.headers.get('content-type')).toMatch(/json/);
  });

  it('signs an admin in, shows a tile per machine and turns a tile when its machine stops at the source, without a reload', async () => {
    const page = await browser.newPage();
    const seen = new PageProblems(page);
    await signIn(page, ADMIN_KEY);

    for (const m of machines) await expect(page.locator(`.tile[data-machine-id="${m.id}"]`).getAttribute('data-state')).resolves.toBe('RUNNING');
    const gap = page.locator(`.tile[data-machine-id="${silent.id}"]`);
    await expect(gap.getAttribute('data-state')).resolves.toBe('UNAVAILABLE');
    await expect(gap.getByTestId('state').textContent()).resolves.toBe('State: No data (data gap, not a stop)');
    await expect(page.getByTestId('sync-now').isVisible()).resolves.toBe(true);
    await page.getByTestId('connection').filter({ hasText: 'Live' }).waitFor({ timeout: 10_000 });
    await expect(page.evaluate<string>(`sessionStorage.getItem('shopfloor.session') ?? ''`)).resolves.not.toContain(ADMIN_KEY);
    await page.evaluate('window.boardMarker = 42');

    const stopped = machines[0];
    await source.connection.query(
      `INSERT INTO machine_events (machine_id, event_time, state, reason_code, job_id, part_count) VALUES (?, ?, 'DOWN', 'SPINDLE', ?, 1260)`,
      [stopped.id, at(1), `JOB-${stopped.id}`],
    );
    const tile = page.locator(`.tile[data-machine-id="${stopped.id}"]`);
    await waitFor(
      `the tile of ${stopped.id} to turn DOWN`,
      async () => (await tile.getAttribute('data-state')) === 'DOWN',
      (SYNC_INTERVAL_SECONDS + 14) * 1000,
      200,
    );

    await expect(tile.getByTestId('state').textContent()).resolves.toContain('Down');
    await expect(tile.textContent()).resolves.toContain('SPINDLE');
    await expect(page.evaluate<number | undefined>('window.boardMarker')).resolves.toBe(42);

    // A failure-risk prediction as the ml service publishes it reaches the tile over /ws/predictions.
    const risky = machines[2];
    const prediction: PredictionEvent = {
      prediction_id: randomUUID(),
      machine_id: risky.id,
      prediction_type: 'failure_risk',
      predicted_value: 0.82,
      threshold: 0.5,
      horizon_hours: 168,
      model_id: randomUUID(),
      model_version: 1,
      predicted_at: new Date().toISOString(),
      window: null,
      factors: [{ feature: 'spindle_temp_mean_24h', value: 71.5, contribution: 0.31 }],
      above_threshold: true,
      transition: 'raised',
    };
    const nats = await connect({ servers: stack.natsUrl });
    await nats.jetstream().publish(SUBJECTS.mlEvents.prediction('failure_risk'), JSONCodec().encode(prediction));
    await nats.close();
    const riskBadge = page.locator(`.tile[data-machine-id="${risky.id}"] .risk`);
    await waitFor('the risk badge to show the prediction', async () => (await riskBadge.getAttribute('class'))?.includes('risk-high'), 10_000, 200);
    await expect(riskBadge.textContent()).resolves.toMatch(/Risk 82\s?%/);
    await page.screenshot({ path: join(screenshots, 'dashboard-admin-desktop.png'), fullPage: true });

    // The filters live in the URL; the board re-renders on the next tick, hence the waits.
    const tiles = async (n: number) => waitFor(`${n} tiles to be shown`, async () => (await page.locator('.tile').count()) === n, 5_000, 100);
    await page.getByLabel('Hall').selectOption('Hall 2');
    await tiles(2);
    await page.getByLabel('Type').selectOption('GRINDER');
    await tiles(1);
    expect(new URL(page.url()).search).toBe('?hall=Hall+2&type=GRINDER');
    await page.getByLabel('Type').selectOption('');
    await page.getByLabel('Hall').selectOption('');
    await tiles(everyMachine.length);

    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    expect(seen.problems).toEqual([]);
    await page.close();
  });

  it('offers a viewer no actions beyond reading, with times in the shop zone', async () => {
    const page = await browser.newPage();
    const seen = new PageProblems(page);
    await page.goto(`${stack.gatewayUrl}/`);
    await page.getByLabel('API key').fill('not-a-key-at-all-0000000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('not valid');
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await page.screenshot({ path: join(screenshots, 'dashboard-sign-in.png'), fullPage: true });
    seen.problems.splice(0, seen.problems.length, ...seen.problems.filter((p) => !p.includes('401: POST') && !p.includes('status of 401')));
    await signIn(page, viewerKey);

    await expect(page.locator('.tile').count()).resolves.toBe(everyMachine.length);
    await expect(page.getByTestId('role').textContent()).resolves.toContain('viewer');
    await expect(page.getByTestId('sync-now').count()).resolves.toBe(0);
    await expect(page.locator('.zone-note').textContent()).resolves.toContain('shop time, Europe/Berlin');
    const since = await page.locator(`.tile[data-machine-id="${machines[1].id}"] time`).getAttribute('title');
    expect(since).toMatch(/GMT\+[12]|CES?T/);
    await page.screenshot({ path: join(screenshots, 'dashboard-viewer-desktop.png'), fullPage: true });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key').waitFor();
    await expect(page.evaluate<string | null>(`sessionStorage.getItem('shopfloor.session')`)).resolves.toBeNull();
    expect(seen.problems).toEqual([]);
    await page.close();
  });

  it('fits a phone, accessibly', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const seen = new PageProblems(page);
    await signIn(page, ADMIN_KEY);

    await expect(page.locator('.tile').count()).resolves.toBe(everyMachine.length);
    await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(screenshots, 'dashboard-admin-phone.png'), fullPage: true });
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    expect(seen.problems).toEqual([]);
    await page.close();
  });

  it('shows TV mode with large type and no controls, cycling the halls, and keeps it across a reload', async () => {
    const page = await browser.newPage();
    const seen = new PageProblems(page);
    await signIn(page, viewerKey);
    await page.getByRole('button', { name: 'TV mode' }).click();
    await page.locator('.board.tv .tile').first().waitFor({ timeout: 20_000 });

    await expect(page.getByRole('button').count()).resolves.toBe(0);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^Hall [12]$/);
    expect(new URL(page.url()).searchParams.get('tv')).toBe('1');
    await page.waitForLoadState('networkidle');
    await page.goto(`${stack.gatewayUrl}/?tv=1&cycle=5`);
    await page.locator('.board.tv .tile').first().waitFor({ timeout: 20_000 });
    const first = await page.locator('h1').textContent();
    await waitFor('TV mode to move to the next hall', async () => (await page.locator('h1').textContent()) !== first, 12_000, 250);
    await page.screenshot({ path: join(screenshots, 'dashboard-tv.png'), fullPage: true });
    expect(seen.problems).toEqual([]);
    await page.close();
  });

  it('says it is offline while the gateway restarts, reconnects by itself and shows what changed meanwhile', async () => {
    const page = await browser.newPage();
    const seen = new PageProblems(page);
    await signIn(page, ADMIN_KEY);
    const connection = page.getByTestId('connection');
    await connection.filter({ hasText: 'Live' }).waitFor({ timeout: 10_000 });
    expect(seen.problems).toEqual([]);

    await stack.service('gateway').stop();
    await connection.filter({ hasText: /Offline, retrying in \d+ s/ }).waitFor({ timeout: 10_000 });
    const changed = machines[2];
    await source.connection.query(`INSERT INTO machine_events (machine_id, event_time, state, reason_code) VALUES (?, ?, 'SETUP', 'CHANGEOVER')`, [
      changed.id,
      at(1),
    ]);
    await stack.service('gateway').start();
    seen.problems.length = 0;

    await connection.filter({ hasText: 'Live' }).waitFor({ timeout: 40_000 });
    const tile = page.locator(`.tile[data-machine-id="${changed.id}"]`);
    await waitFor(
      `the tile of ${changed.id} to turn SETUP`,
      async () => (await tile.getAttribute('data-state')) === 'SETUP',
      (SYNC_INTERVAL_SECONDS + 14) * 1000,
      200,
    );
    expect(seen.problems).toEqual([]);
    await page.close();
  }, 90_000);

  it(
    'stays signed in and live past the token lifetime: the token is renewed without the key, the sockets move to the new one',
    async () => {
      const page = await browser.newPage();
      const seen = new PageProblems(page);
      const refreshes: number[] = [];
      page.on('response', (r) => {
        if (r.url().endsWith('/api/v1/auth/token/refresh')) refreshes.push(r.status());
      });
      const statusSockets: string[] = [];
      page.on('websocket', (ws) => {
        if (ws.url().includes('/ws/machine-status')) statusSockets.push(new URL(ws.url()).searchParams.get('token') ?? '');
      });
      await signIn(page, ADMIN_KEY);

      await waitFor('the token to be renewed', () => refreshes.length > 0, TOKEN_TTL_SECONDS * 1000, 500);
      expect(refreshes).toEqual([200]);
      // At the first token's expiry the gateway closes its sockets (4401); the board opens them again with the renewed one.
      await waitFor('the status socket to be opened again with the renewed token', () => statusSockets.length >= 2, (TOKEN_TTL_SECONDS + 35) * 1000, 500);
      expect(new Set(statusSockets).size).toBe(statusSockets.length);
      await page.getByTestId('connection').filter({ hasText: 'Live' }).waitFor({ timeout: 10_000 });

      const idle = machines[1];
      await source.connection.query(`INSERT INTO machine_events (machine_id, event_time, state, reason_code) VALUES (?, ?, 'IDLE', 'NO_ORDER')`, [
        idle.id,
        at(1),
      ]);
      const tile = page.locator(`.tile[data-machine-id="${idle.id}"]`);
      await waitFor(
        `the tile of ${idle.id} to turn IDLE`,
        async () => (await tile.getAttribute('data-state')) === 'IDLE',
        (SYNC_INTERVAL_SECONDS + 14) * 1000,
        200,
      );
      await expect(page.getByLabel('API key').count()).resolves.toBe(0);
      expect(seen.problems).toEqual([]);
      await page.close();
    },
    (TOKEN_TTL_SECONDS + 90) * 1000,
  );

  it('renews a bearer token without the key, and stops once the key is revoked', async () => {
    const token = (await createShopfloorClient({ baseUrl: stack.gatewayUrl, apiKey: viewerKey }).POST('/api/v1/auth/token')).data!.access_token;
    const bearer = createShopfloorClient({ baseUrl: stack.gatewayUrl, token });

    const renewed = await bearer.POST('/api/v1/auth/token/refresh');
    expect(renewed.response.status).toBe(200);
    expect(renewed.data).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: expect.any(Number) });
    const withKey = await createShopfloorClient({ baseUrl: stack.gatewayUrl, apiKey: viewerKey }).POST('/api/v1/auth/token/refresh');
    expect(withKey.response.status).toBe(200);

    expect((await admin.DELETE('/api/v1/auth/api-keys/{id}', { params: { path: { id: viewerKeyId } } })).response.status).toBe(204);
    const revokedClient = createShopfloorClient({ baseUrl: stack.gatewayUrl, token: renewed.data!.access_token });
    const afterRevocation = await waitFor('the refresh to be refused', async () => {
      const answer = await revokedClient.POST('/api/v1/auth/token/refresh');
      return answer.response.status === 401 && answer;
    });
    expect(afterRevocation.error).toMatchObject({ error_code: 'UNAUTHORIZED' });
  });
});
