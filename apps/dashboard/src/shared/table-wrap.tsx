import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways inside its own box on a narrow screen. The box takes the keyboard focus (arrow keys
 * scroll it) and is named, as a scrollable region must be for keyboard users (WCAG 2.1.1).
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
