import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where a spec leaves the PDF and its pages as PNG for a person to look at: tmp/shopfloor-analytics/<name>. */
export function artifactDir(name: string): string {
  const dir = join(tmpdir(), 'shopfloor-analytics', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Right-to-left embedding marks pdftotext puts around the Hebrew it finds. */
const BIDI_MARKS = /[\u200E\u200F\u202A-\u202E]/g;

/**
 * A PDF read by Poppler as a viewer would show it: `pdftotext -layout` (each table row on one line, a wrapped header
 * word on the line below), without bidi marks, plus every page as a PNG next to the PDF.
 */
export async function poppler(pdf: Buffer, dir: string, stem: string): Promise<{ text: string; pngs: string[]; fonts: string }> {
  const file = join(dir, `${stem}.pdf`);
  writeFileSync(file, pdf);
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  await run('pdftoppm', ['-r', '72', '-png', file, join(dir, stem)]);
  const fonts = await run('pdffonts', [file], { encoding: 'utf8' });
  const pngs = readdirSync(dir)
    .filter((name) => name.startsWith(`${stem}-`) && name.endsWith('.png'))
    .sort()
    .map((name) => join(dir, name));
  return { text: stdout.replace(BIDI_MARKS, ''), pngs, fonts: fonts.stdout };
}
