import { memo, useRef, useState } from 'react';
import type { FigureRun, Run } from '../../../../contracts/reports';
import { type NodeLike, readRuns } from '../lib/read-runs';
import { FigureChip } from './figure-chip';

type Props = {
  runs: Run[];
  /** Read the edited paragraph back (prose runs and the figures left in it). */
  onChange: (runs: Run[]) => void;
  onOpenFigure: (run: FigureRun) => void;
  ariaLabel: string;
  readOnly?: boolean;
};

/**
 * One paragraph, edited in place: prose is plain text, figures are chips that cannot be typed into.
 * The DOM is the browser's while she types (rendered once; remount with a new key to replace it).
 */
export const ParagraphEditor = memo(({ runs, onChange, onOpenFigure, ariaLabel, readOnly }: Props) => {
  const el = useRef<HTMLDivElement>(null);
  // What React rendered stays fixed, so React never fights the browser over the edited DOM.
  const [initial] = useState(() =>
    runs.map((run, at) => ({ run, id: run.kind === 'figure' ? `f:${run.id}:${at}` : `t:${at}` })),
  );
  const figures = useRef(
    new Map(initial.flatMap(({ run }) => (run.kind === 'figure' ? [[run.id, run] as const] : []))),
  );
  const open = useRef(onOpenFigure);
  open.current = onOpenFigure;
  const change = useRef(onChange);
  change.current = onChange;

  const children = initial.map(({ run, id }) =>
    run.kind === 'text' ? (
      <span key={id}>{run.text}</span>
    ) : (
      <FigureChip key={id} run={run} onOpen={(f) => open.current(f)} />
    ),
  );
  if (readOnly) return <p className="bbt-summary-paragraph is-readonly">{children}</p>;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a rich paragraph editor needs contentEditable
    <div
      ref={el}
      className="bbt-summary-paragraph"
      contentEditable
      suppressContentEditableWarning
      role="textbox"
      tabIndex={0}
      aria-multiline="false"
      aria-label={ariaLabel}
      spellCheck={false}
      data-testid="summary-paragraph"
      onInput={() => el.current && change.current(readRuns(el.current as NodeLike, figures.current))}
      onKeyDown={(e) => {
        // One paragraph is one block: Enter would split it into nested divs the document cannot hold.
        if (e.key === 'Enter') e.preventDefault();
      }}
      onPaste={(e) => {
        e.preventDefault();
        const text = e.clipboardData.getData('text/plain').replace(/\s*\n\s*/g, '');
        document.execCommand('insertText', false, text);
      }}
      onDrop={(e) => e.preventDefault()}
    >
      {children}
    </div>
  );
});
ParagraphEditor.displayName = 'ParagraphEditor';
