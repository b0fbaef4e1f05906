import { ReactNode } from 'react';

/** Colour intent of a Badge. */
export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A small pill label, e.g. for statuses. */
export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
