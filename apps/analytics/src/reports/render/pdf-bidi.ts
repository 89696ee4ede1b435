/** One piece of a line, in the order it is drawn from left to right. */
export interface BidiRun {
  /** In logical (reading) order. */
  text: string;
  /**
   * Right-to-left: drawn with its characters reversed. Such a run holds Hebrew or Arabic letters (the font engine,
   * fontkit, reverses a run of those scripts by itself) or a single character, so nothing else need reverse it.
   */
  rtl: boolean;
}

type BidiClass = 'L' | 'R' | 'EN' | 'ES' | 'ET' | 'CS' | 'WS' | 'ON';

/** Hebrew, Arabic, Syriac, Thaana, NKo and their presentation forms: the strong right-to-left letters (UAX #9 R/AL). */
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const LETTER = /[\p{L}\p{M}]/u;

/**
 * A line of text in visual order, by a reduced form of the Unicode Bidirectional Algorithm (UAX #9): one paragraph
 * whose direction is that of its first strong letter, no explicit embeddings, no bracket pairs or mirrored glyphs, and
 * Arabic numbers treated as European ones. That is enough for a machine name such as "מחרטה 12" or "Lathe מחרטה 3"
 * to read right in a PDF, which has no bidi of its own: pdfkit draws glyphs left to right as it is given them.
 * A line with right-to-left letters comes back with its spaces as runs of their own, so that the caller lays out its
 * words one by one; a line without any comes back whole.
 */
export function bidiRuns(line: string): BidiRun[] {
  if (line === '') return [];
  // Nearly every line: nothing to reorder, drawn in one go.
  if (!RTL_LETTER.test(line)) return [{ text: line, rtl: false }];
  const chars = [...line];
  const classes = chars.map(bidiClass);
  const base = paragraphLevel(classes);
  const levels = resolveLevels(classes, base);

  // Pieces of one level without spaces; right-to-left pieces without letters are split into single characters,
  // since the font engine would not reverse them.
  const pieces: { text: string; level: number; cls: BidiClass }[] = [];
  chars.forEach((char, i) => {
    const last = pieces[pieces.length - 1];
    const space = classes[i] === 'WS';
    const joins = last && last.level === levels[i] && (last.cls === 'WS') === space && !(levels[i] % 2 === 1 && !space && (classes[i] !== 'R' || last.cls !== 'R'));
    if (joins) last.text += char;
    else pieces.push({ text: char, level: levels[i], cls: classes[i] });
  });

  // UAX #9 L2: from the highest level down to the lowest odd one, reverse every sequence at that level or above.
  const order = pieces.map((_, i) => i);
  const highest = Math.max(...pieces.map((p) => p.level));
  const lowestOdd = Math.min(...pieces.map((p) => (p.level % 2 === 1 ? p.level : p.level + 1)));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < order.length; ) {
      if (pieces[order[i]].level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < order.length && pieces[order[j]].level >= level) j++;
      order.splice(i, j - i, ...order.slice(i, j).reverse());
      i = j;
    }
  }
  return order.map((i) => ({ text: pieces[i].text, rtl: pieces[i].level % 2 === 1 && pieces[i].cls !== 'WS' }));
}

function bidiClass(char: string): BidiClass {
  if (RTL_LETTER.test(char) && LETTER.test(char)) return 'R';
  if (/[0-9\u0660-\u0669\u06F0-\u06F9]/.test(char)) return 'EN';
  if (LETTER.test(char)) return 'L';
  if (char === '+' || char === '-' || char === '\u2212') return 'ES';
  if (/[#$%°‰€£¥¢\u20A0-\u20CF]/u.test(char)) return 'ET';
  if (/[,.:/\u00A0]/.test(char)) return 'CS';
  if (/\s/.test(char)) return 'WS';
  return 'ON';
}

/** P2/P3: the first strong letter sets the direction; without one, left to right. */
function paragraphLevel(classes: BidiClass[]): number {
  const first = classes.find((c) => c === 'L' || c === 'R');
  return first === 'R' ? 1 : 0;
}

function resolveLevels(input: BidiClass[], base: number): number[] {
  const cls = [...input];
  const n = cls.length;
  const sos: BidiClass = base === 1 ? 'R' : 'L';
  // W4: a single separator between two numbers joins them ("12:34:56", "1,234.5", "3-4").
  for (let i = 1; i < n - 1; i++) {
    if ((cls[i] === 'CS' || cls[i] === 'ES') && cls[i - 1] === 'EN' && cls[i + 1] === 'EN') cls[i] = 'EN';
  }
  // W5: terminators next to a number belong to it ("12%", "€5").
  for (let i = 0; i < n; i++) {
    if (cls[i] !== 'ET') continue;
    let j = i;
    while (j < n && cls[j] === 'ET') j++;
    if ((i > 0 && cls[i - 1] === 'EN') || (j < n && cls[j] === 'EN')) for (let k = i; k < j; k++) cls[k] = 'EN';
    i = j - 1;
  }
  // W6: what is left of separators and terminators is neutral.
  for (let i = 0; i < n; i++) if (cls[i] === 'ES' || cls[i] === 'ET' || cls[i] === 'CS') cls[i] = 'ON';
  // W7: a number after a left-to-right letter (or at the start of a left-to-right line) is left to right.
  let strong: BidiClass = sos;
  for (let i = 0; i < n; i++) {
    if (cls[i] === 'L' || cls[i] === 'R') strong = cls[i];
    else if (cls[i] === 'EN' && strong === 'L') cls[i] = 'L';
  }
  // N1/N2: neutrals between two of the same direction take it (numbers count as right to left); else the base's.
  for (let i = 0; i < n; i++) {
    if (cls[i] !== 'WS' && cls[i] !== 'ON') continue;
    let j = i;
    while (j < n && (cls[j] === 'WS' || cls[j] === 'ON')) j++;
    const before = i === 0 ? sos : direction(cls[i - 1]);
    const after = j === n ? sos : direction(cls[j]);
    const resolved = before === after ? before : sos;
    for (let k = i; k < j; k++) cls[k] = resolved;
    i = j - 1;
  }
  // I1/I2.
  const levels: number[] = cls.map((c) => {
    if (base === 0) return c === 'R' ? 1 : c === 'EN' ? 2 : 0;
    return c === 'L' || c === 'EN' ? 2 : 1;
  });
  // L1: trailing white space goes to the paragraph level.
  for (let i = n - 1; i >= 0 && input[i] === 'WS'; i--) levels[i] = base;
  return levels;
}

function direction(cls: BidiClass): 'L' | 'R' {
  return cls === 'L' ? 'L' : 'R';
}
