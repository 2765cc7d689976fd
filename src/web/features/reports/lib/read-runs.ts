import type { FigureRun, Run } from '../../../../contracts/reports';
import { normalizeRuns } from './summary-content';

/** What `readRuns` needs of a DOM node (a browser Node satisfies it; tests pass plain objects). */
export type NodeLike = {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
  dataset?: Record<string, string | undefined>;
};

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * An edited paragraph's DOM read back as runs: text nodes are prose (non-breaking spaces as spaces),
 * an element carrying `data-figure-id` is that figure as it was drafted (its number cannot be typed
 * over), a chip whose figure is unknown is dropped, and any other element (a span the browser
 * split, a stray `<font>`) is read through.
 */
export const readRuns = (root: NodeLike, figures: ReadonlyMap<string, FigureRun>): Run[] => {
  const out: Run[] = [];
  const walk = (node: NodeLike) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        out.push({ kind: 'text', text: (child.textContent ?? '').replace(/\u00a0/g, ' ') });
      } else if (child.nodeType === ELEMENT_NODE) {
        const id = child.dataset?.figureId;
        if (id === undefined) walk(child);
        else {
          const figure = figures.get(id);
          if (figure) out.push(figure);
        }
      }
    }
  };
  walk(root);
  return normalizeRuns(out);
};
