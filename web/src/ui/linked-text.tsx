/**
 * A translated sentence with a link in it ("To the Parks Department", "Asked by Ana for the
 * Riverside Association"): translate with `SLOT` as the linked value, then pass the text here.
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export const SLOT = '\u0000';

export function LinkedText({ text, to, children }: { text: string; to: string; children: ReactNode }) {
  const [before, after] = text.split(SLOT);
  return (
    <>
      {before}
      <Link to={to}>{children}</Link>
      {after}
    </>
  );
}
