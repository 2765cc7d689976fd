import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SummaryContent } from '../../../contracts/reports';
import { GBT9704, summaryDocx } from './summary-docx';

/**
 * The .docx rendered as a reader gets it: LibreOffice converts it to PDF, poppler reads the text
 * with its positions back. Without LibreOffice (soffice) or poppler (pdftotext) the check cannot
 * run: skipped here with a loud message, a failure under CI (.ci/run installs both).
 */
const which = (cmd: string) =>
  ['/usr/bin', '/usr/local/bin', '/opt/libreoffice/program']
    .map((dir) => path.join(dir, cmd))
    .find((p) => existsSync(p));
const soffice = which('soffice');
const pdftotext = which('pdftotext');
const canRender = !!soffice && !!pdftotext;
if (!canRender) {
  const message =
    '\n\n!!! LibreOffice (soffice) or poppler (pdftotext) not found: the .docx is NOT rendered and its\n' +
    '!!! GB/T 9704 layout (28 characters × 22 lines, page number, 落款) is NOT checked.\n' +
    '!!! Install them: apt-get install --no-install-recommends libreoffice-writer-nogui poppler-utils\n\n';
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(message);
}

const PT_PER_MM = 72 / 25.4;
const block = {
  left: GBT9704.marginsMm.left * PT_PER_MM,
  right: (GBT9704.pageMm.width - GBT9704.marginsMm.right) * PT_PER_MM,
  top: GBT9704.marginsMm.top * PT_PER_MM,
  bottom: (GBT9704.pageMm.height - GBT9704.marginsMm.bottom) * PT_PER_MM,
};

type Word = { page: number; xMin: number; xMax: number; yMin: number; yMax: number; text: string };

/** Words with their boxes (pt, from the page's top left), from `pdftotext -bbox`. */
const wordsOf = (html: string): Word[] => {
  const words: Word[] = [];
  html.split('<page ').forEach((page, n) => {
    for (const m of page.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    )) {
      words.push({ page: n, xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text: m[5] });
    }
  });
  return words;
};

/** The text lines of the 版心 on each page, top to bottom (words on one baseline joined). */
const linesOf = (words: Word[]) => {
  const pages = new Map<number, Map<number, Word[]>>();
  for (const w of words) {
    if (w.yMax > block.bottom + 1) continue;
    const page = pages.get(w.page) ?? new Map<number, Word[]>();
    pages.set(w.page, page);
    const y = Math.round(w.yMin);
    page.set(y, [...(page.get(y) ?? []), w]);
  }
  return [...pages.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, lines]) =>
      [...lines.entries()]
        .sort(([a], [b]) => a - b)
        .map(([, ws]) => ({
          text: ws
            .sort((a, b) => a.xMin - b.xMin)
            .map((w) => w.text)
            .join(''),
          xMin: Math.min(...ws.map((w) => w.xMin)),
          xMax: Math.max(...ws.map((w) => w.xMax)),
        })),
    );
};

// Sixty-one lines of body text: a first line of 26 characters (two indented) and 60 of 28.
const SENTENCE = '全镇各级妇联组织紧紧围绕县妇联工作部署团结引领广大妇女听党话跟党走';
const bodyChars = 26 + 28 * 60;
const body = `${SENTENCE.repeat(Math.ceil(bodyChars / SENTENCE.length)).slice(0, bodyChars - 1)}。`;
const content: SummaryContent = {
  title: '甲镇妇联2024年工作总结',
  planItems: [],
  sections: [
    {
      id: 'opening',
      key: 'opening',
      heading: '',
      isEdited: false,
      paragraphs: [{ id: 'p1', isEdited: false, runs: [{ kind: 'text', text: body }] }],
    },
  ],
};
const unit = '甲镇妇女联合会';
const date = '2024年12月31日';

describe.skipIf(!canRender)('the summary .docx rendered by LibreOffice (GB/T 9704)', () => {
  let dir: string;
  let words: Word[];
  let pages: ReturnType<typeof linesOf>;
  let pageCount: number;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bbt-docx-render-'));
    writeFileSync(path.join(dir, 'summary.docx'), await summaryDocx(content, { producer: unit, date }));
    execFileSync(
      soffice as string,
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        path.join(dir, 'summary.docx'),
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    execFileSync(pdftotext as string, ['-bbox', path.join(dir, 'summary.pdf'), path.join(dir, 'words.html')]);
    const html = readFileSync(path.join(dir, 'words.html'), 'utf8');
    pageCount = html.split('<page ').length - 1;
    words = wordsOf(html);
    pages = linesOf(words);
  }, 180_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('22 lines a page: title, blank line, 61 body lines, blank line, unit and date fill 3 pages', () => {
    // 1 + 1 + 61 + 1 + 1 + 1 = 66 lines = 3 × 22. Blank lines carry no words: counted by position.
    expect(pageCount).toBe(3);
    expect(pages[1]).toHaveLength(22);
    expect(pages[0]).toHaveLength(21); // the blank line after the title
    expect(pages[2]).toHaveLength(21); // the blank line before the 落款
    expect(pages[0][0].text).toBe(content.title);
    expect(pages[2].at(-1)?.text).toBe(date);
  });

  it('28 characters a line in the long paragraph (26 after the two-character indent)', () => {
    const bodyLines = pages.flat().filter((l) => ![content.title, unit, date].includes(l.text));
    expect(bodyLines.map((l) => l.text).join('')).toBe(body);
    expect(bodyLines).toHaveLength(61);
    expect([...bodyLines[0].text]).toHaveLength(26);
    for (const line of bodyLines.slice(1)) expect([...line.text]).toHaveLength(28);
    // The lines fill the 版心's width: flush left, ending within a character of its right edge.
    const full = bodyLines[1];
    expect(full.xMin).toBeCloseTo(block.left, -1);
    expect(block.right - full.xMax).toBeLessThan(16);
    expect(block.right - full.xMax).toBeGreaterThanOrEqual(-1);
  });

  it('the page number “— n —” 7 mm below the 版心, odd pages at the right, even at the left', () => {
    for (let n = 1; n <= 3; n++) {
      const marks = words.filter((w) => w.page === n && w.yMin > block.bottom);
      expect(marks.map((w) => w.text).join('')).toBe(`—${n}—`);
      const top = Math.min(...marks.map((w) => w.yMin));
      // The line's top 7 mm below the 版心; the glyph box (ascent) starts a little above it.
      expect((top - block.bottom) / PT_PER_MM).toBeGreaterThan(5.5);
      expect((top - block.bottom) / PT_PER_MM).toBeLessThan(7.5);
      const left = Math.min(...marks.map((w) => w.xMin));
      const right = Math.max(...marks.map((w) => w.xMax));
      if (n % 2) expect(block.right - right).toBeCloseTo(14, -1);
      else expect(left - block.left).toBeCloseTo(14, -1);
    }
  });

  it('the unit centred over the date, the date about four characters in from the right', () => {
    const last = pages[2];
    const [u, d] = last.slice(-2);
    expect(u.text).toBe(unit);
    expect(Math.abs((u.xMin + u.xMax) / 2 - (d.xMin + d.xMax) / 2)).toBeLessThan(4);
    const charPt = (block.right - block.left) / GBT9704.charsPerLine;
    const rightSpace = (block.right - d.xMax) / charPt;
    expect(rightSpace).toBeGreaterThan(2.5);
    expect(rightSpace).toBeLessThan(5);
  });
});
