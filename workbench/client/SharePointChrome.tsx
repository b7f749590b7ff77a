import * as React from 'react';
import type { DirectoryUser } from '../emulator/directory';
import { UserSwitcher } from './UserSwitcher';
import { HostLinks } from './HostLinks';

// A stand-in for a modern SharePoint communication site page, close enough to judge the web part
// in its real surroundings (suite bar, site header, a one-column section).
export function SharePointChrome({ person, children }: { person: DirectoryUser; children: React.ReactNode }): React.ReactElement {
  return (
    <div style={{ minHeight: '100vh', background: '#faf9f8', color: '#323130', fontFamily: '"Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif' }}>
      <header style={{ background: '#03787c', color: '#fff', height: 48, display: 'flex', alignItems: 'center', padding: '0 12px', gap: 16 }}>
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 18 18" fill="currentColor">{[0, 7, 14].flatMap((x) => [0, 7, 14].map((y) => <rect key={`${x}-${y}`} x={x} y={y} width="4" height="4" />))}</svg>
        <strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>Northshire intranet</strong>
        <span style={{ flex: 1 }} />
        <HostLinks dark />
        <UserSwitcher person={person} dark />
      </header>
      <div style={{ background: '#fff', borderBottom: '1px solid #edebe9' }}>
        <div style={{ maxWidth: 1236, margin: '0 auto', padding: '16px 32px', display: 'flex', alignItems: 'center', gap: 16 }}>
          <div aria-hidden="true" style={{ width: 48, height: 48, borderRadius: 4, background: '#03787c', color: '#fff', display: 'grid', placeItems: 'center', fontWeight: 600, fontSize: 18 }}>SM</div>
          <div>
            <div style={{ fontSize: 24, fontWeight: 600 }}>Communications</div>
            <nav className="wb-hide-narrow" style={{ fontSize: 14, color: '#605e5c', marginTop: 4, display: 'flex', gap: 20 }}>
              <span>Home</span><span style={{ borderBottom: '2px solid #03787c' }}>Social media</span><span>Brand</span><span>Press office</span>
            </nav>
          </div>
        </div>
      </div>
      <main style={{ maxWidth: 1236, margin: '0 auto', padding: '24px 32px' }} className="wb-page">
        <h1 style={{ fontSize: 32, fontWeight: 600, margin: '0 0 20px' }}>Social media at Northshire</h1>
        <div data-testid="webpart-zone" style={{ background: '#fff', padding: 16, borderRadius: 2 }}>{children}</div>
      </main>
    </div>
  );
}
