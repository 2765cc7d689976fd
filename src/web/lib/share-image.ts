/**
 * A document drawn as one PNG for sharing in WeChat (long-press to save or forward): a title, tables and
 * a signature, at 1080 px wide so it reads on a phone. Drawn on a canvas from data, not from the screen,
 * so what is in the image is exactly what the document holds (names already masked by the server).
 */
export type ImageTable = { heading: string; headers: string[]; rows: string[][]; none: string };
export type ImageBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | ({ kind: 'table' } & ImageTable);
export type ImageDoc = {
  title: string;
  subtitle?: string;
  blocks: ImageBlock[];
  /** Right-aligned lines at the end (the issuing unit, the date). */
  signature: string[];
  /** A small line at the very bottom, e.g. 来自“半边天”. */
  brand: string;
};

const WIDTH = 1080;
const PAD = 64;
const FONT =
  '"PingFang SC","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Zen Hei","Microsoft YaHei",sans-serif';
const BRAND = '#c41d5f';
const CELL_PAD = 14;
const MIN_COL = 90;

type Ctx = CanvasRenderingContext2D;

const font = (ctx: Ctx, size: number, bold = false) => {
  ctx.font = `${bold ? 'bold ' : ''}${size}px ${FONT}`;
};

/** Breaks text into lines no wider than `width` (by character: Chinese has no spaces to break at). */
export const wrapText = (measure: (s: string) => number, text: string, width: number): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (ch === '\n') {
      lines.push(line);
      line = '';
      continue;
    }
    if (line && measure(line + ch) > width) {
      lines.push(line);
      line = ch;
    } else line += ch;
  }
  lines.push(line);
  return lines;
};

/** Column widths that fit `total`: natural widths, the widest cut down first when they do not fit. */
export const fitColumns = (natural: number[], total: number): number[] => {
  const widths = natural.map((w) => Math.max(MIN_COL, w));
  let over = widths.reduce((a, b) => a + b, 0) - total;
  while (over > 0.5) {
    const max = Math.max(...widths);
    const widest = widths.filter((w) => w === max).length;
    const next = Math.max(MIN_COL, ...widths.filter((w) => w < max));
    const cut = Math.min(over / widest, max - next || over / widest);
    for (let i = 0; i < widths.length; i++) if (widths[i] === max) widths[i] -= cut;
    over -= cut * widest;
    if (max <= MIN_COL) break;
  }
  const sum = widths.reduce((a, b) => a + b, 0);
  // Room left over goes to every column in proportion, so the table spans the page.
  return sum < total ? widths.map((w) => (w * total) / sum) : widths;
};

type Op = (ctx: Ctx, y: number) => void;

/** Lays the document out (ops and their heights), then draws it on a canvas of the height needed. */
export const renderDocImage = async (doc: ImageDoc): Promise<Blob> => {
  const probe = document.createElement('canvas').getContext('2d');
  if (!probe) throw new Error('canvas unavailable');
  const inner = WIDTH - PAD * 2;
  const ops: { height: number; draw: Op }[] = [];
  const text = (
    size: number,
    lines: string[],
    opts: { bold?: boolean; align?: 'center' | 'right'; color?: string; gap?: number },
  ) => {
    const lh = Math.round(size * 1.5);
    ops.push({
      height: lines.length * lh + (opts.gap ?? 0),
      draw: (ctx, y) => {
        font(ctx, size, opts.bold);
        ctx.fillStyle = opts.color ?? '#1f1f1f';
        ctx.textAlign = opts.align === 'center' ? 'center' : opts.align === 'right' ? 'right' : 'left';
        ctx.textBaseline = 'top';
        const x = opts.align === 'center' ? WIDTH / 2 : opts.align === 'right' ? WIDTH - PAD : PAD;
        lines.forEach((l, i) => {
          ctx.fillText(l, x, y + i * lh + (lh - size) / 2);
        });
      },
    });
  };
  const wrap = (size: number, s: string, width: number, bold = false) => {
    font(probe, size, bold);
    return wrapText((x) => probe.measureText(x).width, s, width);
  };

  text(50, wrap(50, doc.title, inner, true), { bold: true, align: 'center', color: BRAND, gap: 12 });
  if (doc.subtitle) text(30, wrap(30, doc.subtitle, inner), { align: 'center', color: '#595959', gap: 24 });
  for (const block of doc.blocks) {
    if (block.kind === 'heading') {
      text(38, wrap(38, block.text, inner, true), { bold: true, gap: 10 });
      continue;
    }
    if (block.kind === 'paragraph') {
      // First-line indent of two characters, as Chinese prose is set.
      text(32, wrap(32, `\u3000\u3000${block.text}`, inner), { gap: 16 });
      continue;
    }
    const table = block;
    text(38, [table.heading], { bold: true, gap: 10 });
    if (table.rows.length === 0) {
      text(30, wrap(30, table.none, inner), { color: '#595959', gap: 24 });
      continue;
    }
    const size = 28;
    const lh = Math.round(size * 1.45);
    font(probe, size, true);
    const natural = table.headers.map((h, c) => {
      const cells = [h, ...table.rows.map((r) => r[c] ?? '')];
      return Math.max(...cells.map((x) => probe.measureText(x).width)) + CELL_PAD * 2;
    });
    const widths = fitColumns(natural, inner);
    const layoutRow = (cells: string[], bold: boolean) => {
      const lines = cells.map((cell, c) => wrap(size, cell, widths[c] - CELL_PAD * 2, bold));
      return { lines, height: Math.max(...lines.map((l) => l.length)) * lh + CELL_PAD * 2 };
    };
    const rows = [layoutRow(table.headers, true), ...table.rows.map((r) => layoutRow(r, false))];
    rows.forEach((row, r) => {
      ops.push({
        height: row.height,
        draw: (ctx, y) => {
          ctx.fillStyle = r === 0 ? '#fde9ef' : r % 2 === 0 ? '#fafafa' : '#ffffff';
          ctx.fillRect(PAD, y, inner, row.height);
          ctx.strokeStyle = '#d9d9d9';
          ctx.lineWidth = 2;
          let x = PAD;
          font(ctx, size, r === 0);
          ctx.fillStyle = '#1f1f1f';
          ctx.textAlign = 'left';
          ctx.textBaseline = 'top';
          row.lines.forEach((lines, c) => {
            ctx.strokeRect(x, y, widths[c], row.height);
            lines.forEach((l, i) => {
              ctx.fillText(l, x + CELL_PAD, y + CELL_PAD + i * lh + (lh - size) / 2);
            });
            x += widths[c];
          });
        },
      });
    });
    ops.push({ height: 32, draw: () => undefined });
  }
  text(32, doc.signature, { align: 'right', gap: 32 });
  text(24, [doc.brand], { align: 'center', color: '#8c8c8c' });

  const height = PAD * 2 + ops.reduce((a, o) => a + o.height, 0);
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas unavailable');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, WIDTH, height);
  ctx.fillStyle = BRAND;
  ctx.fillRect(0, 0, WIDTH, 12);
  let y = PAD;
  for (const op of ops) {
    op.draw(ctx, y);
    y += op.height;
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('image could not be made'))), 'image/png'),
  );
};
