import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * Renders `children` once its box comes near the screen (and stays rendered): a chart below the fold
 * of a phone's home, with its library, is not part of her first load. Where IntersectionObserver is
 * missing, it renders at once.
 */
export const WhenVisible = ({
  children,
  placeholder,
  margin = '200px',
}: {
  children: ReactNode;
  placeholder: ReactNode;
  margin?: string;
}) => {
  const box = useRef<HTMLDivElement>(null);
  const [isSeen, setSeen] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (isSeen || !box.current) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setSeen(true);
      },
      { rootMargin: margin },
    );
    observer.observe(box.current);
    return () => observer.disconnect();
  }, [isSeen, margin]);
  return <div ref={box}>{isSeen ? children : placeholder}</div>;
};
