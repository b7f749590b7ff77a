import * as React from 'react';
import { registerIcons } from '@fluentui/react/lib/Styling';
import { GlobalSettings } from '@fluentui/react/lib/Utilities';

// Fluent draws icons (the Checkbox tick, menu chevrons, the search glass) from a registry that is
// filled by whoever hosts the page. A SharePoint page usually has it filled; a Teams tab often has
// not (https://github.com/microsoft/fluentui/issues/15188,
// https://github.com/SharePoint/sp-dev-docs/issues/3844), and the local workbench has no internet to
// fetch the icon font, which is why the compare checkboxes showed no tick. `initializeIcons()` would
// fetch that font from Microsoft's CDN, so instead the few glyphs the app uses are registered here as
// inline SVG, and only those the host has not registered already (the host's own stay in charge).

const svg = (d: string): React.ReactElement => (
  <svg viewBox="0 0 16 16" width="1em" height="1em" fill="currentColor" aria-hidden="true" focusable="false"><path d={d} /></svg>
);

const CROSS = 'M3.15 3.15a.5.5 0 0 1 .7 0L8 7.29l4.15-4.14a.5.5 0 0 1 .7.7L8.71 8l4.14 4.15a.5.5 0 0 1-.7.7L8 8.71l-4.15 4.14a.5.5 0 0 1-.7-.7L7.29 8 3.15 3.85a.5.5 0 0 1 0-.7Z';
const LINK = 'M6.5 4.5h-2a3.5 3.5 0 0 0 0 7h2v-1h-2a2.5 2.5 0 0 1 0-5h2v-1Zm3 0h2a3.5 3.5 0 0 1 0 7h-2v-1h2a2.5 2.5 0 0 0 0-5h-2v-1Z';

export const APP_ICONS: Record<string, React.ReactElement> = {
  Back: svg('M7.35 3.15a.5.5 0 0 1 0 .7L3.71 7.5h9.79a.5.5 0 0 1 0 1H3.71l3.64 3.65a.5.5 0 0 1-.7.7l-4.5-4.5a.5.5 0 0 1 0-.7l4.5-4.5a.5.5 0 0 1 .7 0Z'),
  Search: svg('M10.5 1a4.5 4.5 0 1 1-2.9 7.95L2.35 14.2a.5.5 0 0 1-.7-.7L6.9 8.25A4.5 4.5 0 0 1 10.5 1Zm0 1a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7Z'),
  Clear: svg(CROSS),
  Cancel: svg(CROSS),
  ChevronDown: svg('M3.15 5.65a.5.5 0 0 1 .7 0L8 9.79l4.15-4.14a.5.5 0 0 1 .7.7l-4.5 4.5a.5.5 0 0 1-.7 0l-4.5-4.5a.5.5 0 0 1 0-.7Z'),
  ChevronRight: svg('M5.65 3.15a.5.5 0 0 1 .7 0l4.5 4.5a.5.5 0 0 1 0 .7l-4.5 4.5a.5.5 0 0 1-.7-.7L9.79 8 5.65 3.85a.5.5 0 0 1 0-.7Z'),
  Info: svg('M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm0 6a.5.5 0 0 0-.5.5v4a.5.5 0 0 0 1 0v-4A.5.5 0 0 0 8 7Zm0-2.25a.75.75 0 1 0 0 1.5.75.75 0 0 0 0-1.5Z'),
  Warning: svg('M7.13 2.5a1 1 0 0 1 1.74 0l5.5 9.76A1 1 0 0 1 13.5 13.75h-11a1 1 0 0 1-.87-1.49L7.13 2.5ZM8 5.5a.5.5 0 0 0-.5.5v3.5a.5.5 0 0 0 1 0V6a.5.5 0 0 0-.5-.5Zm0 5.25a.75.75 0 1 0 0 1.5.75.75 0 0 0 0-1.5Z'),
  ErrorBadge: svg('M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1ZM5.85 5.15a.5.5 0 0 0-.7.7L7.29 8l-2.14 2.15a.5.5 0 0 0 .7.7L8 8.71l2.15 2.14a.5.5 0 0 0 .7-.7L8.71 8l2.14-2.15a.5.5 0 0 0-.7-.7L8 7.29 5.85 5.15Z'),
  Completed: svg('M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm3.35 4.65a.5.5 0 0 0-.7 0L7 9.29 5.35 7.65a.5.5 0 1 0-.7.7l2 2a.5.5 0 0 0 .7 0l4-4a.5.5 0 0 0 0-.7Z'),
  CheckMark: svg('M13.85 4.15a.5.5 0 0 1 0 .7l-7 7a.5.5 0 0 1-.7 0l-3.5-3.5a.5.5 0 1 1 .7-.7L6.5 10.79l6.65-6.64a.5.5 0 0 1 .7 0Z'),
  Bold: svg('M4 2h4.75a3 3 0 0 1 2.2 5.04A3.25 3.25 0 0 1 9.25 14H4V2Zm2 2v2.5h2.75a1.25 1.25 0 0 0 0-2.5H6Zm0 4.5V12h3.25a1.75 1.75 0 0 0 0-3.5H6Z'),
  Italic: svg('M6.5 2H12v1.5h-1.9L7.9 12.5H9.5V14H4v-1.5h1.9l2.2-9H6.5V2Z'),
  BulletedList: svg('M2.5 3a1 1 0 1 1 0 2 1 1 0 0 1 0-2Zm3 .5H14v1H5.5v-1ZM2.5 7a1 1 0 1 1 0 2 1 1 0 0 1 0-2Zm3 .5H14v1H5.5v-1ZM2.5 11a1 1 0 1 1 0 2 1 1 0 0 1 0-2Zm3 .5H14v1H5.5v-1Z'),
  NumberedList: svg('M2 2.5h1.5V6h-1V3.5H2v-1Zm3.5 1H14v1H5.5v-1ZM1.75 7.25h2v1.6l-1 .9h1V10.5h-2V9.4l1-.9v-.5h-1v-.75Zm3.75.25H14v1H5.5v-1ZM1.75 11.5h2v3h-2v-.75h1.25v-.4h-1v-.7h1v-.4H1.75v-.75Zm3.75 0H14v1H5.5v-1Z'),
  Link: svg(`${LINK}M5 7.5h6v1H5v-1Z`),
  RemoveLink: svg(`${LINK}M2.65 2.65a.5.5 0 0 1 .7 0l10 10a.5.5 0 0 1-.7.7l-10-10a.5.5 0 0 1 0-.7Z`),
  Undo: svg('M5.35 2.65a.5.5 0 0 1 0 .7L3.71 5H9.5a4.5 4.5 0 0 1 0 9H7a.5.5 0 0 1 0-1h2.5a3.5 3.5 0 0 0 0-7H3.71l1.64 1.65a.5.5 0 1 1-.7.7l-2.5-2.5a.5.5 0 0 1 0-.7l2.5-2.5a.5.5 0 0 1 .7 0Z'),
  GlobalNavButton: svg('M2 3.5h12v1H2v-1Zm0 4h12v1H2v-1Zm0 4h12v1H2v-1Z')
};

/**
 * Whether the host registered an icon. Read from Fluent's shared registry (the global 'icons'
 * setting, keyed by lower-case name) rather than with getIcon, which logs a warning for every name
 * it does not find.
 */
function hostHas(name: string): boolean {
  const registry = GlobalSettings.getValue<Record<string, unknown>>('icons', {});
  return !!registry[name.toLowerCase()];
}

/** Registers the app's icons the host has not; safe to call more than once. */
export function ensureAppIcons(): void {
  const missing = Object.fromEntries(Object.entries(APP_ICONS).filter(([name]) => !hostHas(name)));
  if (Object.keys(missing).length > 0) registerIcons({ icons: missing });
}
