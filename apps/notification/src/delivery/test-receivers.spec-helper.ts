import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  recipients: string[];
  raw: string;
  /** Header lines of the top part, unfolded, by lower-case name. */
  headers: Map<string, string>;
  /** Every text part decoded (quoted-printable or base64), by content type. */
  parts: Map<string, string>;
  attachments: { fileName: string; contentType: string; content: Buffer }[];
}

/** A real SMTP server on a free port that keeps every message it accepts. */
export async function startSmtpCatcher(): Promise<{ port: number; mails: ReceivedMail[]; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push(
          parseMail(
            Buffer.concat(chunks).toString('utf8'),
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface ReceivedCall {
  headers: IncomingHttpHeaders;
  body: string;
  url: string;
}

/**
 * A real HTTP receiver on a free port. `answers` holds the status of each coming call in turn (then 200); a status
 * of 0 never answers (the caller's timeout ends the call); `delayMs` holds every answer back.
 */
export async function startHttpReceiver(): Promise<{
  url: string;
  calls: ReceivedCall[];
  answers: number[];
  delayMs: { value: number };
  close(): Promise<void>;
}> {
  const calls: ReceivedCall[] = [];
  const answers: number[] = [];
  const delayMs = { value: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      calls.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), url: req.url ?? '' });
      const status = answers.length > 0 ? (answers.shift() as number) : 200;
      if (status === 0) return;
      setTimeout(() => {
        res.writeHead(status, { 'Content-Type': 'text/plain' });
        res.end(status >= 300 ? `refused with ${status}` : 'ok');
      }, delayMs.value);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    answers,
    delayMs,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const soft = text.replace(/=\r\n/g, '');
  for (let i = 0; i < soft.length; i += 1) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Just enough MIME for the tests: multipart nesting, text parts and attachments. */
function parseMail(raw: string, recipients: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const headers = parseHeaders(raw.slice(0, split));
  const mail: ReceivedMail = { recipients, raw, headers, parts: new Map(), attachments: [] };
  walk(headers, raw.slice(split + 4), mail);
  return mail;
}

function walk(headers: Map<string, string>, body: string, mail: ReceivedMail): void {
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith('multipart/') && boundary) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      const trimmed = part.replace(/^\r\n/, '');
      const end = trimmed.indexOf('\r\n\r\n');
      walk(parseHeaders(trimmed.slice(0, end)), trimmed.slice(end + 4).replace(/\r\n$/, ''), mail);
    }
    return;
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const content =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? Buffer.from(decodeQuotedPrintable(body), 'utf8')
        : Buffer.from(body, 'utf8');
  const disposition = headers.get('content-disposition') ?? '';
  const mediaType = type.split(';')[0].trim().toLowerCase();
  if (/attachment/i.test(disposition)) {
    const fileName = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? '';
    mail.attachments.push({ fileName, contentType: mediaType, content });
  } else {
    mail.parts.set(mediaType, content.toString('utf8'));
  }
}
