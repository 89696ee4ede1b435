import { statSync } from 'node:fs';
import { ValueType, Workbook } from 'exceljs';
import { renderCsv } from './csv-report.renderer';
import { parseCsv } from './csv.spec-helper';
import { renderPdf } from './pdf-report.renderer';
import { artifactDir, poppler } from './poppler.spec-helper';
import { dailyReport, internationalMachines } from './report-document.spec-helper';
import { ReportValueFormatter } from './report-value-formatter';
import { renderXlsx } from './xlsx-report.renderer';

// Poppler runs as child processes; a few seconds on a busy machine.
jest.setTimeout(60_000);

const DURATION = /^-?\d[\d,]*:\d{2}:\d{2}$/;

/**
 * The daily report of machines named in Czech, Turkish, Hebrew and Chinese (and one very long name), rendered and read
 * back as a viewer shows it: Poppler's pdftotext for the words, pdftoppm for pictures of the pages (left in
 * tmp/shopfloor-analytics/pdf-report-pages for a person to look at), pdffonts for the embedded fonts.
 */
describe(`${renderPdf.name} pages read back by Poppler`, () => {
  const doc = dailyReport(internationalMachines());
  const formatter = new ReportValueFormatter(doc.timezone);
  const [machines] = doc.tables;
  let body: Buffer;
  let text: string;
  let tokens: Set<string>;
  let pngs: string[];
  let fonts: string;

  beforeAll(async () => {
    body = await renderPdf(doc);
    ({ text, pngs, fonts } = await poppler(body, artifactDir('pdf-report-pages'), 'daily'));
    tokens = new Set(text.split(/\s+/).filter((token) => token !== ''));
  });

  it('prints the Czech, Turkish and Chinese names as written', () => {
    for (const name of ['Frézka Čížek', 'Torna Işıklı', '车床 五号', '二号车间']) expect(text).toContain(name);
  });

  it('prints Hebrew letters in reading order, the words laid out right to left', () => {
    // The PDF holds the glyphs in display order (pdfkit has no bidi; see pdf-bidi.ts); Poppler reads each Hebrew word
    // back in reading order, and the number that follows "מחרטה" in reading order stands left of it, as UAX #9 shows it.
    expect(tokens).toContain('מחרטה');
    expect(text).not.toContain('הטרחמ');
    expect(text).toContain('3 מחרטה');
    expect(text).toContain('2 אולם');
  });

  it('wraps a long name between its words and loses none of them', () => {
    const long = internationalMachines()[4].name;
    for (const word of long.split(' ')) expect(tokens).toContain(word);
  });

  it('never breaks a header word, a machine type or a number across lines', () => {
    const words = new Set<string>();
    for (const table of doc.tables) {
      for (const column of table.columns) {
        for (const word of formatter.heading(column).split(' ')) words.add(word);
        for (const row of table.rows) if (column.unit !== 'text') words.add(formatter.cell(column.unit, row[column.key]));
      }
    }
    for (const row of machines.rows) words.add(String(row['type']));
    // The table pages only: a chart's axis ("3:00:00") next to a count ("2") is no broken "23:00:00".
    const pages = text.split('\f').filter((page) => !page.includes('Overall OEE per machine') && !page.includes('Downtime by reason (bars'));
    const tokens = new Set(pages.join('\n').split(/\s+/));
    for (const word of words) {
      expect(tokens).toContain(word);
      // "Availabilit" + "y", "LATH" + "E", "0:00:0" + "0": both halves would be words of their own ("2" and "1:30:00"
      // are, as values printed elsewhere).
      for (let cut = 1; cut < word.length; cut++) {
        const [head, tail] = [word.slice(0, cut), word.slice(cut)];
        const broken = tokens.has(head) && tokens.has(tail) && !(words.has(head) && words.has(tail));
        expect([word, broken]).toEqual([word, false]);
      }
    }
  });

  it('keeps durations whole: 45,296 s of breakdowns in one failure reads 12:34:56 as unplanned stops and MTTR', () => {
    const m101 = text.split('\n').filter((line) => line.includes('M-101'));
    expect(m101.join('\n').match(/12:34:56/g)).toHaveLength(2);
    for (const row of machines.rows) {
      for (const column of machines.columns.filter((c) => c.unit === 'seconds')) {
        const printed = formatter.cell('seconds', row[column.key]);
        expect(printed === 'n/a' || DURATION.test(printed)).toBe(true);
        expect(tokens).toContain(printed);
      }
    }
  });

  it('heads every duration with the unit it is printed in, and the numbers with none it does not print', () => {
    expect(tokens).not.toContain('(s)');
    expect(text.match(/\(h:mm:ss\)/g)?.length).toBeGreaterThanOrEqual(machines.columns.filter((c) => c.unit === 'seconds').length);
    for (const column of machines.columns) {
      const heading = formatter.heading(column);
      if (column.unit === 'seconds') expect(heading).toMatch(/ \(h:mm:ss\)$/);
      else expect(heading).toBe(column.label);
    }
    expect(machines.columns.filter((c) => c.unit === 'seconds').map((c) => formatter.heading(c))).toEqual(
      expect.arrayContaining(['MTBF (h:mm:ss)', 'MTTR (h:mm:ss)', 'Run time (h:mm:ss)', 'Planned production time (h:mm:ss)']),
    );
  });

  it('tells the same numbers as the CSV and XLSX of the same report, which carry durations in seconds headed "(s)"', async () => {
    const [header, ...records] = parseCsv(renderCsv(doc).toString('utf8').slice(1));
    const workbook = new Workbook();
    await workbook.xlsx.load(new Uint8Array(await renderXlsx(doc)).buffer);
    const sheet = workbook.getWorksheet('Machines');
    if (!sheet) throw new Error('no Machines sheet');
    machines.columns.forEach((column, c) => {
      if (column.unit !== 'seconds') return;
      expect(header[c]).toMatch(/ \(s\)$/);
      expect(sheet.getRow(1).getCell(c + 1).value).toBe(header[c]);
      expect(formatter.heading(column)).toBe(header[c].replace(/\(s\)$/, '(h:mm:ss)'));
      machines.rows.forEach((row, r) => {
        const cell = sheet.getRow(r + 2).getCell(c + 1);
        if (row[column.key] === null) {
          expect(records[r][c]).toBe('');
          expect(cell.type).toBe(ValueType.Null);
          return;
        }
        const seconds = Number(records[r][c]);
        expect(seconds).toBe(row[column.key]);
        expect(cell.value).toBe(seconds);
        expect(cell.numFmt).toBe('#,##0');
        expect(tokens).toContain(formatter.seconds(seconds));
      });
    });
  });

  it('splits the machine table into parts that each fit the page, repeating machine and name', () => {
    expect(text).toContain('Machines (part 1 of 2)');
    expect(text).toContain('Machines (part 2 of 2)');
    const tables = text.slice(0, text.indexOf('OEE by machine'));
    const heads = tables.split('\n').filter((line) => /^\s*Machine\s+Name\s/.test(line));
    expect(heads).toHaveLength(2);
    for (const row of machines.rows) expect(tables.match(new RegExp(`^\\s*${String(row['machine_id'])}\\s`, 'gm'))).toHaveLength(2);
  });

  it('embeds subsets of DejaVu Sans and, for the CJK names, Noto Sans SC', () => {
    const embedded = fonts.split('\n').filter((line) => /\+(DejaVuSans|NotoSansSC)/.test(line));
    expect(embedded.map((line) => line.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['DejaVuSansCondensed', 'DejaVuSansCondensed-Bold', 'NotoSansSC-Regular']);
    for (const line of embedded) expect(line).toMatch(/yes\s+yes\s+yes/);
    // Subsets: the 10 MB CJK font adds only the glyphs used.
    expect(body.length).toBeLessThan(150 * 1024);
  });

  it('leaves a picture of every page', () => {
    expect(pngs.length).toBeGreaterThanOrEqual(4);
    for (const png of pngs) expect(statSync(png).size).toBeGreaterThan(1000);
  });
});
