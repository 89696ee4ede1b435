import type { AddressInfo } from 'node:net';
import { validateEnv } from '@shopfloor/config';
import type { DeliveryEntity } from '@shopfloor/notification/data-access';
import { SMTPServer } from 'smtp-server';
import { NotificationEnv } from '../config/notification.env';
import { EmailSender } from './email-sender';

const PASSWORD = 'correct horse battery staple';

describe(EmailSender.name, () => {
  let server: SMTPServer;
  let port: number;
  const logins: { username?: string | null; password?: string | null }[] = [];
  const accepted: string[] = [];

  const delivery = (): DeliveryEntity =>
    ({
      id: 'd1',
      channel: 'email',
      recipients: ['lead@shop.example.com'],
      subject: 'Weekly OEE: the report of last week',
      body: 'Attached.',
      htmlBody: '<p>Attached.</p>',
      attachment: Buffer.from('%PDF-1.7 test'),
      attachmentName: 'oee.pdf',
      attachmentType: 'application/pdf',
      messageId: 'd1@shop.example.com',
      createdAt: new Date('2026-03-30T05:00:00Z'),
    }) as DeliveryEntity;

  const sender = (variables: Record<string, string>): EmailSender =>
    new EmailSender(validateEnv(NotificationEnv, { DATABASE_URL: 'postgres://unused', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), ...variables }));

  beforeAll(async () => {
    server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth(auth, _session, callback) {
        logins.push({ username: auth.username, password: auth.password });
        if (auth.username === 'notifier' && auth.password === PASSWORD) callback(null, { user: auth.username });
        else callback(new Error('Invalid username or password'));
      },
      onData(stream, _session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          accepted.push(raw);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('logs in with SMTP_USER and SMTP_PASSWORD and sends the attachment', async () => {
    const email = sender({ SMTP_USER: 'notifier', SMTP_PASSWORD: PASSWORD });
    try {
      await email.send(delivery());
    } finally {
      email.onModuleDestroy();
    }
    expect(logins.at(-1)).toEqual({ username: 'notifier', password: PASSWORD });
    expect(accepted.at(-1)).toContain('Message-ID: <d1@shop.example.com>');
    expect(accepted.at(-1)).toMatch(/Content-Disposition: attachment; filename=oee\.pdf/);
  });

  it('fails the attempt when the server refuses the login, without the password in the reason', async () => {
    const email = sender({ SMTP_USER: 'notifier', SMTP_PASSWORD: 'wrong password' });
    const error = await email.send(delivery()).then(
      () => null,
      (e: unknown) => e as Error,
    );
    email.onModuleDestroy();
    expect(error?.message).toMatch(/Invalid login|Invalid username or password/);
    expect(error?.message).not.toContain('wrong password');
  });

  it('fails every attempt while no SMTP server is configured', async () => {
    const email = new EmailSender(validateEnv(NotificationEnv, { DATABASE_URL: 'postgres://unused' }));
    await expect(email.send(delivery())).rejects.toThrow('SMTP_HOST is not set');
  });
});
