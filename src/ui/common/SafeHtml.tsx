import * as React from 'react';
import { sanitizeHtml } from './sanitizeHtml';

/** Shows policy rich text: always sanitised here, whatever was stored. */
export function SafeHtml({ html, className }: { html: string; className?: string }): React.ReactElement {
  const clean = React.useMemo(() => sanitizeHtml(html), [html]);
  return <div className={className} dangerouslySetInnerHTML={{ __html: clean }} />;
}
