import * as React from 'react';

// Outline glyphs for the Teams app bar; emoji would need a colour-emoji font the machine may lack.
const paths: Record<string, string> = {
  activity: 'M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Zm-2.8 15a2.9 2.9 0 0 0 5.6 0',
  chat: 'M4 5.5A1.5 1.5 0 0 1 5.5 4h13A1.5 1.5 0 0 1 20 5.5v9a1.5 1.5 0 0 1-1.5 1.5H9l-4 4v-4.2A1.5 1.5 0 0 1 4 14.5Z',
  teams: 'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm7-1a2.2 2.2 0 1 0 0-4.4A2.2 2.2 0 0 0 16 10ZM3.5 19c0-3 2.5-5 5.5-5s5.5 2 5.5 5M14.5 14.2c.5-.1 1-.2 1.5-.2 2.6 0 4.5 1.7 4.5 4.2',
  hub: 'M4 10v4h3l6 4V6l-6 4Zm13-1.5a4 4 0 0 1 0 7'
};

export function RailIcon({ name }: { name: keyof typeof paths }): React.ReactElement {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={paths[name]} />
    </svg>
  );
}
