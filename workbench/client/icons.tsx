import * as React from 'react';
import { registerIcons } from '@fluentui/react/lib/Styling';

// SharePoint and Teams provide Fluent's icon font; the workbench has no internet to fetch it, so the
// few glyphs the app uses are registered here as inline SVG.
const svg = (d: string): React.ReactElement => (
  <svg viewBox="0 0 16 16" width="1em" height="1em" fill="currentColor" aria-hidden="true"><path d={d} /></svg>
);

export function registerWorkbenchIcons(): void {
  registerIcons({
    icons: {
      Search: svg('M10.5 1a4.5 4.5 0 1 1-2.9 7.95L2.35 14.2a.5.5 0 0 1-.7-.7L6.9 8.25A4.5 4.5 0 0 1 10.5 1Zm0 1a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7Z'),
      Clear: svg('M3.15 3.15a.5.5 0 0 1 .7 0L8 7.29l4.15-4.14a.5.5 0 0 1 .7.7L8.71 8l4.14 4.15a.5.5 0 0 1-.7.7L8 8.71l-4.15 4.14a.5.5 0 0 1-.7-.7L7.29 8 3.15 3.85a.5.5 0 0 1 0-.7Z'),
      Cancel: svg('M3.15 3.15a.5.5 0 0 1 .7 0L8 7.29l4.15-4.14a.5.5 0 0 1 .7.7L8.71 8l4.14 4.15a.5.5 0 0 1-.7.7L8 8.71l-4.15 4.14a.5.5 0 0 1-.7-.7L7.29 8 3.15 3.85a.5.5 0 0 1 0-.7Z'),
      ChevronDown: svg('M3.15 5.65a.5.5 0 0 1 .7 0L8 9.79l4.15-4.14a.5.5 0 0 1 .7.7l-4.5 4.5a.5.5 0 0 1-.7 0l-4.5-4.5a.5.5 0 0 1 0-.7Z'),
      Info: svg('M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm0 6a.5.5 0 0 0-.5.5v4a.5.5 0 0 0 1 0v-4A.5.5 0 0 0 8 7Zm0-2.25a.75.75 0 1 0 0 1.5.75.75 0 0 0 0-1.5Z'),
      Warning: svg('M7.13 2.5a1 1 0 0 1 1.74 0l5.5 9.76A1 1 0 0 1 13.5 13.75h-11a1 1 0 0 1-.87-1.49L7.13 2.5ZM8 5.5a.5.5 0 0 0-.5.5v3.5a.5.5 0 0 0 1 0V6a.5.5 0 0 0-.5-.5Zm0 5.25a.75.75 0 1 0 0 1.5.75.75 0 0 0 0-1.5Z'),
      ErrorBadge: svg('M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1ZM5.85 5.15a.5.5 0 0 0-.7.7L7.29 8l-2.14 2.15a.5.5 0 0 0 .7.7L8 8.71l2.15 2.14a.5.5 0 0 0 .7-.7L8.71 8l2.14-2.15a.5.5 0 0 0-.7-.7L8 7.29 5.85 5.15Z'),
      Completed: svg('M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm3.35 4.65a.5.5 0 0 0-.7 0L7 9.29 5.35 7.65a.5.5 0 1 0-.7.7l2 2a.5.5 0 0 0 .7 0l4-4a.5.5 0 0 0 0-.7Z')
    }
  });
}
