import type { AbstractNode, IconDefinition } from '@ant-design/icons-svg/es/types';
import { createElement, type ReactNode } from 'react';

/** `fill-rule` → `fillRule`: the icon data uses SVG attribute names, React wants camelCase. */
const reactAttrs = (attrs: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(attrs).map(([k, v]) => [k.replace(/-([a-z])/g, (_, c) => c.toUpperCase()), v]),
  );

const render = (node: AbstractNode, key?: number): ReactNode =>
  createElement(node.tag, { key, ...reactAttrs(node.attrs) }, node.children?.map(render));

/**
 * An antd icon drawn from its path data (`@ant-design/icons-svg`, what `@ant-design/icons` itself draws),
 * for the pages that load before antd does: the login page and the entry's loading and error states.
 * Same look as antd's (1em, currentColor), decorative unless labelled by its parent.
 */
export const SvgIcon = ({ icon, className }: { icon: IconDefinition; className?: string }) => {
  const root = typeof icon.icon === 'function' ? icon.icon('currentColor', '#e6e6e6') : icon.icon;
  return (
    <span className={className ? `bbt-icon ${className}` : 'bbt-icon'} aria-hidden="true">
      {createElement(
        'svg',
        { ...reactAttrs(root.attrs), width: '1em', height: '1em', fill: 'currentColor' },
        root.children?.map(render),
      )}
    </span>
  );
};
