import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { SummaryContent } from '../../../contracts/reports';
import { numberedHeadings, paragraphText } from './summary-sections';

/**
 * GB/T 9704-2012 (党政机关公文格式) as a township federation lays out a 工作总结: A4, margins top
 * 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title 2号 (22 pt) 方正小标宋简体; body 3号 (16 pt)
 * 仿宋_GB2312; level-1 headings 黑体, level-2 楷体_GB2312; fixed 28 pt lines; the page number in
 * the footer as “— 1 —” in 4号 宋体, odd pages at the right and even pages at the left, one character in; east-Asian language zh-CN. The GB fonts are not on every
 * machine: fontTable.xml declares an alternative for each (方正小标宋简体 → 宋体, 仿宋_GB2312 → 仿宋,
 * 楷体_GB2312 → 楷体), which Word, WPS and LibreOffice use when the first is missing.
 */
export const GBT9704 = {
  marginsMm: { top: 37, bottom: 35, left: 28, right: 26 },
  titleFont: '方正小标宋简体',
  bodyFont: '仿宋_GB2312',
  heading1Font: '黑体',
  heading2Font: '楷体_GB2312',
  footerFont: '宋体',
  titleHalfPoints: 44,
  bodyHalfPoints: 32,
  footerHalfPoints: 28,
  lineTwips: 560,
  fallbacks: { 方正小标宋简体: '宋体', 仿宋_GB2312: '仿宋', 楷体_GB2312: '楷体' } as Record<string, string>,
};

/** Millimetres to twips, rounded (the docx helper truncates: 210 mm would be 11905). */
const mm = (v: number) => Math.round((v * 1440) / 25.4);

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
const lang = { value: 'zh-CN', eastAsia: 'zh-CN' };
const fixedLine = { line: GBT9704.lineTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

const run = (text: string, fontName: string, size = GBT9704.bodyHalfPoints) =>
  new TextRun({ text, font: font(fontName), size, language: lang });

/** Declares the fallback of each GB font in word/fontTable.xml (w:altName). */
const declareFallbacks = (docx: Uint8Array): Uint8Array => {
  const files = unzipSync(docx);
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
    indent: { firstLine: GBT9704.bodyHalfPoints * 20 },
    spacing: fixedLine,
    alignment: AlignmentType.JUSTIFIED,
  });
};

export const summaryDocx = async (content: SummaryContent, meta: { producer: string; date: string }) => {
  const headings = numberedHeadings(content);
  const children: Paragraph[] = [
    new Paragraph({
      children: [run(content.title, GBT9704.titleFont, GBT9704.titleHalfPoints)],
      alignment: AlignmentType.CENTER,
      spacing: fixedLine,
    }),
    new Paragraph({ children: [run('', GBT9704.bodyFont)], spacing: fixedLine }),
  ];
  content.sections.forEach((sec, n) => {
    if (headings[n]) {
      children.push(
        new Paragraph({
          children: [run(headings[n], GBT9704.heading1Font)],
          indent: { firstLine: GBT9704.bodyHalfPoints * 20 },
          spacing: fixedLine,
        }),
      );
    }
    for (const p of sec.paragraphs) children.push(bodyParagraph(paragraphText(p)));
  });
  children.push(new Paragraph({ children: [run('', GBT9704.bodyFont)], spacing: fixedLine }));
  for (const line of [meta.producer, meta.date]) {
    children.push(
      new Paragraph({
        children: [run(line, GBT9704.bodyFont)],
        alignment: AlignmentType.RIGHT,
        indent: { right: GBT9704.bodyHalfPoints * 40 },
        spacing: fixedLine,
      }),
    );
  }
  // Odd pages: the number at the right, one character (4号) in; even pages: at the left.
  const pageNumber = (side: 'left' | 'right') =>
    new Paragraph({
      alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent:
        side === 'right' ? { right: GBT9704.footerHalfPoints * 10 } : { left: GBT9704.footerHalfPoints * 10 },
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
    title: content.title,
    styles: {
      default: {
        document: {
          run: { font: font(GBT9704.bodyFont), size: GBT9704.bodyHalfPoints, language: lang },
          paragraph: { spacing: fixedLine },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: {
              top: mm(GBT9704.marginsMm.top),
              bottom: mm(GBT9704.marginsMm.bottom),
              left: mm(GBT9704.marginsMm.left),
              right: mm(GBT9704.marginsMm.right),
            },
          },
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
