import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { SummaryContent } from '../../../contracts/reports';
import { numberedHeadings, paragraphText } from './summary-sections';

/**
 * GB/T 9704-2012 (党政机关公文格式) as a township federation lays out a 工作总结: A4, margins top
 * 37 mm, bottom 35 mm, left 28 mm, right 26 mm, leaving the 版心 156 × 225 mm; in it 22 lines of 28
 * characters, held by a character grid (w:docGrid linesAndChars: line pitch 225 mm / 22, character
 * pitch 156 mm / 28 — a little under the 16 pt of 三号, so the grid squeezes each character by
 * 842/4096 pt); title 2号 (22 pt) 方正小标宋简体; body 3号 (16 pt) 仿宋_GB2312; level-1 headings 黑体,
 * level-2 楷体_GB2312; every line one grid line. The page number “— 1 —” in 4号 半角宋体 sits below the
 * 版心, the top of its line 7 mm under the 版心's lower edge; odd pages at the right and even pages at
 * the left, one character in. The 落款 (the unit) is centred over the 成文日期, which stands four
 * characters in from the right. East-Asian language zh-CN; author and last editor are the federation.
 * The GB fonts are not on every machine: fontTable.xml declares an alternative for each (方正小标宋简体
 * → 宋体, 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体), which Word, WPS and LibreOffice use when the first
 * is missing.
 */
export const GBT9704 = {
  pageMm: { width: 210, height: 297 },
  marginsMm: { top: 37, bottom: 35, left: 28, right: 26 },
  linesPerPage: 22,
  charsPerLine: 28,
  /** From the 版心's lower edge to the top of the page number's line. */
  pageNumberGapMm: 7,
  titleFont: '方正小标宋简体',
  bodyFont: '仿宋_GB2312',
  heading1Font: '黑体',
  heading2Font: '楷体_GB2312',
  footerFont: '宋体',
  titleHalfPoints: 44,
  bodyHalfPoints: 32,
  footerHalfPoints: 28,
  fallbacks: { 方正小标宋简体: '宋体', 仿宋_GB2312: '仿宋', 楷体_GB2312: '楷体' } as Record<string, string>,
};

/** Millimetres to twips, rounded (the docx helper truncates: 210 mm would be 11905). */
const mm = (v: number) => Math.round((v * 1440) / 25.4);

const margins = {
  top: mm(GBT9704.marginsMm.top),
  bottom: mm(GBT9704.marginsMm.bottom),
  left: mm(GBT9704.marginsMm.left),
  right: mm(GBT9704.marginsMm.right),
};
const blockTwips = {
  width: mm(GBT9704.pageMm.width) - margins.left - margins.right,
  height: mm(GBT9704.pageMm.height) - margins.top - margins.bottom,
};

/**
 * The character grid. `linePitch` (twips) fits 22 lines in the 版心; `charSpace` is what each
 * character's pitch adds to the body font size, in 1/4096 pt, floored so that 28 still fit
 * (156 mm / 28 = 15.79 pt: −842).
 */
export const docGrid = {
  linePitch: Math.floor(blockTwips.height / GBT9704.linesPerPage),
  charSpace: Math.floor((blockTwips.width / 20 / GBT9704.charsPerLine - GBT9704.bodyHalfPoints / 2) * 4096),
};
/** One character of the grid, in twips. */
const charTwips = GBT9704.bodyHalfPoints * 10 + docGrid.charSpace / 204.8;

/** The footer's line (4号) and its distance from the page's bottom edge. */
const footerLineTwips = GBT9704.footerHalfPoints * 10;
const footerDistance = margins.bottom - mm(GBT9704.pageNumberGapMm) - footerLineTwips;

/**
 * The first-line indent of body paragraphs and headings: two grid characters, a twip short of
 * them so that no renderer's rounding of the grid pushes the first character into a third cell.
 */
const twoChars = { firstLine: 2 * (Math.floor(charTwips) - 1) };

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
const lang = { value: 'zh-CN', eastAsia: 'zh-CN' };

const gridLine = { line: docGrid.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/**
 * 三号 is 16 pt but a grid character 15.79 pt: Word and WPS squeeze the glyphs onto the grid, a
 * renderer that does not (LibreOffice) gives a 16 pt glyph two cells. Grid text is therefore drawn
 * at 98 % width (w:w), 15.68 pt, which fits one cell everywhere and does not show in print.
 */
const GRID_SCALE = 98;

const run = (text: string, fontName: string, size = GBT9704.bodyHalfPoints) =>
  new TextRun({ text, font: font(fontName), size, language: lang, scale: GRID_SCALE });

/** The title (2号) is wider than a grid cell: it is set off the grid, at full width. */
const titleRun = (text: string) =>
  new TextRun({
    text,
    font: font(GBT9704.titleFont),
    size: GBT9704.titleHalfPoints,
    language: lang,
  });

/** How many characters a line takes off the grid: ASCII (the digits of a date) half-width. */
export const textWidth = (text: string) =>
  [...text].reduce((n, ch) => n + ((ch.codePointAt(0) ?? 0) < 0x2e80 ? 0.5 : 1), 0);

/**
 * 落款: the unit's name and the 成文日期, set off the grid, are each centred in the same box, so the
 * name stands centred over the date whatever the font makes of the digits' width and of the space
 * between digits and characters. The box is the longer of the two with three characters to spare
 * (the date's spacing and wider fallback digits) and ends two and a half characters from the right
 * margin: the date ends about four characters in (右空四字). A name too long for that keeps what
 * room the line has. In characters from the left and right margins.
 */
export const signatureIndents = (unit: string, date: string) => {
  const box = Math.min(GBT9704.charsPerLine, Math.ceil(Math.max(textWidth(unit), textWidth(date))) + 3);
  const right = Math.min(2.5, GBT9704.charsPerLine - box);
  return { left: GBT9704.charsPerLine - right - box, right };
};

/** The style of paragraphs set off the character grid (the title, the 落款). */
const OFF_GRID = 'OffGrid';

/**
 * Declares the fallback of each GB font in word/fontTable.xml (w:altName), and sets the paragraphs
 * of the OffGrid style off the grid (w:snapToGrid 0, which the docx library does not write).
 */
const declareFallbacks = (docx: Uint8Array): Uint8Array => {
  const files = unzipSync(docx);
  const body = 'word/document.xml';
  files[body] = strToU8(
    strFromU8(files[body]).replaceAll(
      `<w:pStyle w:val="${OFF_GRID}"/>`,
      `<w:pStyle w:val="${OFF_GRID}"/><w:snapToGrid w:val="0"/>`,
    ),
  );
  const path = 'word/fontTable.xml';
  let xml = files[path] ? strFromU8(files[path]) : '';
  if (!xml) return docx;
  const entries = Object.entries(GBT9704.fallbacks)
    .map(
      ([name, alt]) =>
        `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join('');
  const declared = ['黑体', '宋体']
    .map(
      (name) =>
        `<w:font w:name="${name}"><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join('');
  xml = xml.includes('</w:fonts>')
    ? xml.replace('</w:fonts>', `${entries}${declared}</w:fonts>`)
    : xml.replace(/<w:fonts([^>]*)\/>/, `<w:fonts$1>${entries}${declared}</w:fonts>`);
  files[path] = strToU8(xml);
  return zipSync(files, { level: 6 });
};

/** Splits “（一）……” plan items and body text: level-2 markers are set in 楷体. */
const bodyParagraph = (text: string) => {
  const m = /^（[一二三四五六七八九十]+）/.exec(text);
  const children = m
    ? [run(m[0], GBT9704.heading2Font), run(text.slice(m[0].length), GBT9704.bodyFont)]
    : [run(text, GBT9704.bodyFont)];
  return new Paragraph({
    children,
    indent: twoChars,
    spacing: gridLine,
    alignment: AlignmentType.JUSTIFIED,
  });
};

export const summaryDocx = async (content: SummaryContent, meta: { producer: string; date: string }) => {
  const headings = numberedHeadings(content);
  const children: Paragraph[] = [
    new Paragraph({
      children: [titleRun(content.title)],
      style: OFF_GRID,
      alignment: AlignmentType.CENTER,
      spacing: gridLine,
    }),
    new Paragraph({ children: [run('', GBT9704.bodyFont)], spacing: gridLine }),
  ];
  content.sections.forEach((sec, n) => {
    if (headings[n]) {
      children.push(
        new Paragraph({
          children: [run(headings[n], GBT9704.heading1Font)],
          indent: twoChars,
          spacing: gridLine,
        }),
      );
    }
    for (const p of sec.paragraphs) children.push(bodyParagraph(paragraphText(p)));
  });
  children.push(new Paragraph({ children: [run('', GBT9704.bodyFont)], spacing: gridLine }));
  const box = signatureIndents(meta.producer, meta.date);
  for (const line of [meta.producer, meta.date]) {
    children.push(
      new Paragraph({
        children: [run(line, GBT9704.bodyFont)],
        alignment: AlignmentType.CENTER,
        style: OFF_GRID,
        indent: { left: Math.round(box.left * charTwips), right: Math.round(box.right * charTwips) },
        spacing: gridLine,
      }),
    );
  }
  // Odd pages: the number at the right, one character (4号) in; even pages: at the left.
  const pageNumber = (side: 'left' | 'right') =>
    new Paragraph({
      alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: side === 'right' ? { right: footerLineTwips } : { left: footerLineTwips },
      spacing: { line: footerLineTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [
        new TextRun({
          children: ['— ', PageNumber.CURRENT, ' —'],
          font: font(GBT9704.footerFont),
          size: GBT9704.footerHalfPoints,
          language: lang,
        }),
      ],
    });
  const doc = new Document({
    evenAndOddHeaderAndFooters: true,
    creator: meta.producer,
    lastModifiedBy: meta.producer,
    title: content.title,
    styles: {
      default: {
        document: {
          run: { font: font(GBT9704.bodyFont), size: GBT9704.bodyHalfPoints, language: lang },
          paragraph: { spacing: gridLine },
        },
      },
      // The grid's character pitch is counted from the Normal style's size (LibreOffice reads it
      // there, not from the document defaults): 三号.
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          run: { font: font(GBT9704.bodyFont), size: GBT9704.bodyHalfPoints, language: lang },
          paragraph: { spacing: gridLine },
        },
        { id: OFF_GRID, name: 'Off grid', basedOn: 'Normal', paragraph: { spacing: gridLine } },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(GBT9704.pageMm.width), height: mm(GBT9704.pageMm.height) },
            margin: { ...margins, footer: footerDistance },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, ...docGrid },
        },
        footers: {
          default: new Footer({ children: [pageNumber('right')] }),
          even: new Footer({ children: [pageNumber('left')] }),
        },
        children,
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc);
  return Buffer.from(declareFallbacks(new Uint8Array(buffer)));
};
