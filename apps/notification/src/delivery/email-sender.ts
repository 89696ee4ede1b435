import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { DeliveryEntity } from '@shopfloor/notification/data-access';
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { NotificationEnv } from '../config/notification.env';
import { DELIVERY_ID_HEADER } from './webhook-signature';

/** Bounds on every SMTP step, so a server that stops answering fails the attempt long before its lease ends. */
const CONNECT_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 30_000;
/** Connections to the SMTP server at once; the worker sends a claimed batch side by side. */
const SMTP_CONNECTIONS = 5;

/** Sends outbox e-mails over SMTP (nodemailer), each under the delivery's own Message-ID. */
@Injectable()
export class EmailSender implements OnModuleDestroy {
  private readonly logger = new Logger(EmailSender.name);
  private readonly transport: Transporter<SMTPTransport.SentMessageInfo> | null;

  constructor(private readonly env: NotificationEnv) {
    if (!env.SMTP_HOST) {
      this.transport = null;
      this.logger.warn({ message: 'SMTP_HOST is not set: e-mails stay in the outbox and fail once their attempts run out' });
      return;
    }
    this.transport = createTransport({
      host: env.SMTP_HOST,
      port: env.SMTP_PORT,
      secure: env.SMTP_SECURE === 'true',
      auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? '' } : undefined,
      // A few connections kept open and reused: a burst of alerts is not one TCP and TLS handshake per e-mail.
      pool: true,
      maxConnections: SMTP_CONNECTIONS,
      connectionTimeout: CONNECT_TIMEOUT_MS,
      greetingTimeout: CONNECT_TIMEOUT_MS,
      socketTimeout: SOCKET_TIMEOUT_MS,
      // Credentials and message bodies stay out of the logs.
      logger: false,
      debug: false,
    });
    this.logger.log({
      message: 'E-mail goes through SMTP',
      host: env.SMTP_HOST,
      port: env.SMTP_PORT,
      secure: env.SMTP_SECURE === 'true',
      auth: Boolean(env.SMTP_USER),
    });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  /** Resolves once the server has accepted the message for at least one recipient; throws otherwise. */
  async send(delivery: DeliveryEntity): Promise<void> {
    if (!this.transport) throw new Error('SMTP_HOST is not set: e-mail cannot be sent');
    const info = await this.transport.sendMail({
      from: this.env.SMTP_FROM,
      to: delivery.recipients ?? [],
      subject: delivery.subject ?? '',
      text: delivery.body,
      html: delivery.htmlBody ?? undefined,
      date: delivery.createdAt,
      messageId: `<${delivery.messageId}>`,
      headers: { [DELIVERY_ID_HEADER]: delivery.messageId },
      attachments:
        delivery.attachment && delivery.attachmentName
          ? [{ filename: delivery.attachmentName, content: delivery.attachment, contentType: delivery.attachmentType ?? 'application/octet-stream' }]
          : undefined,
    });
    if (info.rejected.length > 0) {
      this.logger.warn({
        message: 'The SMTP server refused some recipients of an e-mail',
        delivery_id: delivery.id,
        rejected: info.rejected.length,
        accepted: info.accepted.length,
      });
    }
  }
}
