import * as React from 'react';

// Jump between the hosts the web part supports, keeping the theme choice for Teams.
export function HostLinks({ dark }: { dark?: boolean }): React.ReactElement {
  const style: React.CSSProperties = { color: dark ? '#fff' : 'inherit', fontSize: 13, textDecoration: 'underline' };
  return (
    <nav aria-label="Workbench hosts" className="wb-hide-narrow" style={{ display: 'flex', gap: 12 }}>
      <a style={style} href="/sharepoint">SharePoint page</a>
      <a style={style} href="/teams/tab?theme=default">Teams tab</a>
      <a style={style} href="/teams/tab?theme=dark">dark</a>
      <a style={style} href="/teams/tab?theme=contrast">high contrast</a>
      <a style={style} href="/teams/personal?theme=default">personal app</a>
    </nav>
  );
}
