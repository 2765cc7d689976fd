import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { PublicNotice } from '../../../contracts/courtyards';
import { plaqueChangeKindLabels, ratingLabels } from '../../../contracts/courtyards';

const cell = (text: string, isBold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: isBold })] })] });

const table = (head: string[], body: string[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
      ...body.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });

const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** The printable 公示 as Word: names already masked by the notice; nothing else personal is printed. */
export const publicNoticeDocx = async (n: PublicNotice): Promise<Buffer> => {
  const title = `${n.townName ?? ''}${n.orgUnitName}${monthLabel(n.month)}“美丽庭院”评比结果公示`;
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun(title)],
    }),
    new Paragraph({
      children: [
        new TextRun(`本月入户检查 ${n.inspected} 户，结果公示如下。如有异议，请于公示期内向村妇联反映。`),
      ],
    }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('红榜')] }),
    n.redList.length
      ? table(
          ['序号', '户主', '门牌号', '得分', '评定等级'],
          n.redList.map((r, i) => [
            String(i + 1),
            r.maskedName,
            r.houseNumber ?? '',
            String(r.totalScore),
            r.rating ? ratingLabels[r.rating].zh : '',
          ]),
        )
      : new Paragraph('（无）'),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('黑榜（需整改）')] }),
    n.blackList.length
      ? table(
          ['序号', '户主', '门牌号', '得分', '存在问题'],
          n.blackList.map((r, i) => [
            String(i + 1),
            r.maskedName,
            r.houseNumber ?? '',
            String(r.totalScore),
            r.problems.join('；'),
          ]),
        )
      : new Paragraph('（无）'),
  ];
  if (n.plaqueChanges.length) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('挂牌变动')] }),
      table(
        ['户主', '变动', '等级', '原因'],
        n.plaqueChanges.map((p) => [
          p.maskedName,
          plaqueChangeKindLabels[p.kind].zh,
          p.toLevel ? ratingLabels[p.toLevel].zh : '',
          p.reason,
        ]),
      ),
    );
  }
  children.push(
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(`${n.orgUnitName}妇联`)] }),
  );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
};
