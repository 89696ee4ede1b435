import { spawn } from 'node:child_process';

export interface PdfContent {
  /** Text of each page, lines as unpdf (pdf.js) reconstructs them. */
  pages: string[];
  /** The document information dictionary (Title, Creator, CreationDate as a PDF date string, …). */
  info: Record<string, unknown>;
}

// unpdf loads pdf.js with a dynamic import(), which Jest's module sandbox refuses without --experimental-vm-modules;
// a plain node process runs it as in production.
const SCRIPT = `
const { getDocumentProxy, extractText } = require(process.argv[1]);
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
  const pdf = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
  const { text } = await extractText(pdf, { mergePages: false });
  const { info } = await pdf.getMetadata();
  process.stdout.write(JSON.stringify({ pages: text, info }));
});
`;

/** The text and document info of a PDF, read by unpdf in a child node process. */
export function readPdf(pdf: Buffer): Promise<PdfContent> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', SCRIPT, require.resolve('unpdf')], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`unpdf failed (${code}): ${Buffer.concat(err).toString()}`));
      else resolve(JSON.parse(Buffer.concat(out).toString('utf8')) as PdfContent);
    });
    child.stdin.end(pdf);
  });
}

/** Whitespace (line breaks of wrapped cells included) folded to single spaces, for matching rows as text. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}
