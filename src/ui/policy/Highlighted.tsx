import * as React from 'react';
import { highlight } from '../../domain/policy';

/** Text with the search words marked; React escapes every run, so no HTML is ever injected. */
export function Highlighted({ text, query }: { text: string; query: string }): React.ReactElement {
  const parts = highlight(text, query);
  return <>{parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <React.Fragment key={i}>{p.text}</React.Fragment>))}</>;
}
