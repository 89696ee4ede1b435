import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways inside its own box on a narrow screen: focusable and named, so a keyboard can
 * scroll it too (axe: scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
