import { Image } from 'antd';
import type { ReactNode } from 'react';
import './photos.css';

export type GridPhoto = { id: string; url: string; caption?: string };

type Props = {
  photos: GridPhoto[];
  alt: string;
  /** Test id of each cell. */
  testId: string;
  /** A control in the cell's corner (删除). */
  action?: (photo: GridPhoto) => ReactNode;
  /** Cells after the photos (添加). */
  children?: ReactNode;
};

/** Square thumbnails that open full size (swipe through them on a phone). */
export const PhotoGrid = ({ photos, alt, testId, action, children }: Props) => (
  <Image.PreviewGroup>
    <div className="bbt-photo-grid">
      {photos.map((p) => (
        <div key={p.id} className="bbt-photo-cell" data-testid={testId} title={p.caption}>
          <Image src={p.url} alt={p.caption ?? alt} width="100%" height="100%" />
          {action?.(p)}
        </div>
      ))}
      {children}
    </div>
  </Image.PreviewGroup>
);
