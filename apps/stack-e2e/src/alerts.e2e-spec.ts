import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import WebSocket from 'ws';
import { createShopfloorClient, type ShopfloorClient } from '@shopfloor/client';
import type { AlertView, LiveMessage } from '@shopfloor/contracts';
import { createSourceDatabase, waitFor, type TestSourceDatabase } from '@shopfloor/testing';
import { ADMIN_KEY, Stack } from './stack';

interface Mail {
  to: string[];
  raw: string;
  subject: string;
  body: string;
}

/** The text of a raw message with quoted-printable soft breaks and escapes undone, enough to search it. */
function readable(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Alerts that reach people, end to end: a machine breaks down at the CIMCO source → sync → analytics raises the
 * breakdown → notification opens one alert, e-mails it and pushes it on /ws/alerts → an operator acknowledges it through
 * the API → the machine runs again at the source → the alert resolves by itself, and that is e-mailed and pushed too.
 */
describe('an alert from a breakdown to its resolution', () => {
  const stack = new Stack();
  const run = randomUUID().slice(0, 6);
  const machine = `ALERT-M-${run}`;
  const recipient = `maintenance-${run}@example.com`;
  let source: TestSourceDatabase;
  let smtp: SMTPServer;
  const mails: Mail[] = [];
  let socket: WebSocket;
  const pushed: LiveMessage<AlertView>[] = [];
  let admin: ShopfloorClient;
  let operator: ShopfloorClient;
  let ruleId = '';

  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString().slice(0, 19).replace('T', ' ');

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, subject: /^Subject: (.*)$/im.exec(raw)?.[1] ?? '', body: readable(raw) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;

    source = await createSourceDatabase('cimco_alerts');
    await source.connection.query(`INSERT INTO machines (machine_id, name, type, location) VALUES (?, 'Alerting mill', 'MILL', 'Hall 1')`, [machine]);
    await source.connection.query(`INSERT INTO machine_events (machine_id, event_time, state) VALUES (?, ?, 'RUNNING')`, [machine, at(30)]);
    await stack.start({
      CIMCO_DATABASE_URL: source.url,
      SYNC_INTERVAL_SECONDS: '1',
      SYNC_SAFETY_LAG_MS: '0',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPort),
      SMTP_SECURE: 'false',
      SHOP_TIMEZONE: 'Europe/Berlin',
      DELIVERY_POLL_MS: '200',
      ALERT_TICK_SECONDS: '1',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    admin = createShopfloorClient({ baseUrl: stack.gatewayUrl, apiKey: ADMIN_KEY });
    const key = await admin.POST('/api/v1/auth/api-keys', { body: { name: 'shift lead', role: 'operator' } });
    operator = createShopfloorClient({ baseUrl: stack.gatewayUrl, apiKey: key.data!.key });

    const rule = await admin.POST('/api/v1/alerts/rules', {
      body: {
        name: `Breakdown of ${machine}`,
        condition: 'machine_down_longer_than',
        params: { minutes: 0 },
        scope: { machine_ids: [machine] },
        severity: 'critical',
        channels: [{ type: 'email', to: [recipient] }, { type: 'websocket' }],
      },
    });
    expect(rule.error).toBeUndefined();
    ruleId = rule.data!.id;

    socket = new WebSocket(`${stack.gatewayUrl.replace('http', 'ws')}/ws/alerts`, { headers: { 'X-API-Key': ADMIN_KEY } });
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as LiveMessage<AlertView> & { type: string };
      if (message.type === 'alert' && message.data?.machine_id === machine) pushed.push(message);
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    await waitFor(
      'the machine to be synced and running',
      async () => {
        const { data } = await admin.GET('/api/v1/analytics/live');
        return data?.items.some((m) => m.machine_id === machine && m.state === 'RUNNING') ?? false;
      },
      60_000,
      500,
    );
  }, 180_000);

  afterAll(async () => {
    socket?.close();
    await stack.stop();
    await source?.drop();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  let alertId = '';

  it('opens one alert for the breakdown, e-mails it and pushes it', async () => {
    await source.connection.query(`INSERT INTO machine_events (machine_id, event_time, state, reason_code) VALUES (?, ?, 'DOWN', 'SPINDLE')`, [machine, at(1)]);
    await waitFor('the breakdown e-mail', () => mails.some((m) => m.to.includes(recipient)), 60_000, 200);
    const mail = mails.find((m) => m.to.includes(recipient))!;
    expect(mail.subject).toContain(machine);
    expect(mail.body).toContain(machine);
    expect(mail.body).toMatch(/critical/i);

    const { data } = await operator.GET('/api/v1/alerts', { params: { query: { machine_id: machine, state: 'open' } } });
    // The default breakdown rule of a new installation opens its own alert too (pushed only, no e-mail).
    const mine = (data?.items ?? []).filter((a) => a.rule_id === ruleId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ condition: 'machine_down_longer_than', severity: 'critical', state: 'open' });
    alertId = mine[0].id;
    await waitFor('the opened alert on /ws/alerts', () => pushed.some((m) => m.data.id === alertId && m.data.state === 'open'), 10_000, 100);
  });

  it('takes an acknowledgement with a comment, records who, and pushes it', async () => {
    const { data, error } = await operator.POST('/api/v1/alerts/{id}/acknowledge', { params: { path: { id: alertId } }, body: { comment: 'On my way' } });
    expect(error).toBeUndefined();
    expect(data).toMatchObject({ id: alertId, state: 'acknowledged', acknowledged_by: 'shift lead' });
    await waitFor('the acknowledgement on /ws/alerts', () => pushed.some((m) => m.data.id === alertId && m.data.state === 'acknowledged'), 10_000, 100);
    const again = await operator.POST('/api/v1/alerts/{id}/acknowledge', { params: { path: { id: alertId } }, body: {} });
    expect(again.response.status).toBe(409);
  });

  it('resolves by itself when the machine runs again, and says so by e-mail and on /ws/alerts', async () => {
    const before = mails.length;
    await source.connection.query(`INSERT INTO machine_events (machine_id, event_time, state) VALUES (?, ?, 'RUNNING')`, [machine, at(0)]);
    await waitFor('the resolved alert on /ws/alerts', () => pushed.some((m) => m.data.id === alertId && m.data.state === 'resolved'), 60_000, 200);
    const { data } = await operator.GET('/api/v1/alerts/{id}', { params: { path: { id: alertId } } });
    expect(data?.state).toBe('resolved');
    expect(data?.resolved_by).toBeNull();
    expect(data?.timeline.map((t) => t.kind)).toEqual(expect.arrayContaining(['opened', 'acknowledged', 'resolved']));
    expect(data?.timeline.find((t) => t.kind === 'acknowledged')).toMatchObject({ by: 'shift lead', comment: 'On my way' });
    await waitFor('the resolution e-mail', () => mails.slice(before).some((m) => m.to.includes(recipient)), 30_000, 200);
    // One episode, one alert: the whole breakdown raised no second one.
    const all = await operator.GET('/api/v1/alerts', { params: { query: { machine_id: machine } } });
    expect((all.data?.items ?? []).filter((a) => a.rule_id === ruleId)).toHaveLength(1);
  });

  it('lists each delivery as sent for admins', async () => {
    const { data } = await admin.GET('/api/v1/notifications/deliveries', { params: { query: { limit: 100 } } });
    const mine = (data?.items ?? []).filter((d) => d.alert_id === alertId);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.every((d) => d.state === 'sent' && d.channel === 'email' && d.target.includes(recipient))).toBe(true);
  });
});
