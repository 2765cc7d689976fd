import type { PlainDocument } from '../../contracts/common/share';
import type { SharedViewProps } from '../lib/feature';
import type { ImageDoc } from '../lib/share-image';

/** A shared prose document (a work summary): title, numbered sections, paragraphs, the signing unit. */
export const PlainDocumentView = ({ payload, createdAt }: SharedViewProps) => {
  const doc = payload as PlainDocument;
  return (
    <article className="bbt-plain-doc" data-testid="plain-document">
      <h1>{doc.title}</h1>
      {doc.subtitle && <p className="bbt-plain-doc-sub">{doc.subtitle}</p>}
      {doc.sections.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a snapshot's sections never reorder
        <section key={i}>
          {s.heading && <h2>{s.heading}</h2>}
          {s.paragraphs.map((p, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a snapshot's paragraphs never reorder
            <p key={k}>{p}</p>
          ))}
        </section>
      ))}
      <div className="bbt-plain-doc-sign">
        {doc.signature.map((line) => (
          <div key={line}>{line}</div>
        ))}
        <div>{new Date(createdAt).toLocaleDateString('zh-CN')}</div>
      </div>
    </article>
  );
};

/** The same document as a shareable image. */
export const plainDocumentImage = (doc: PlainDocument, brand: string, date: Date): ImageDoc => ({
  title: doc.title,
  subtitle: doc.subtitle ?? undefined,
  blocks: doc.sections.flatMap((s) => [
    ...(s.heading ? [{ kind: 'heading' as const, text: s.heading }] : []),
    ...s.paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
  ]),
  signature: [...doc.signature, date.toLocaleDateString('zh-CN')],
  brand,
});
