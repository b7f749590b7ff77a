import * as React from 'react';
import type { DirectoryUser } from '../emulator/directory';
import type { ThemeName } from '../../src/app/host';
import { UserSwitcher } from './UserSwitcher';
import { HostLinks } from './HostLinks';
import { ActivityFeed } from './ActivityFeed';
import { RailIcon } from './RailIcons';

// A stand-in for the Teams desktop client around a tab or personal app: app bar on the left,
// title bar, tab header, and the activity flyout with the person's notifications.

const PALETTES: Record<ThemeName, { bg: string; rail: string; bar: string; text: string; subtle: string; divider: string; accent: string; panel: string }> = {
  light: { bg: '#f5f5f5', rail: '#ebebeb', bar: '#ebebeb', text: '#242424', subtle: '#616161', divider: '#e0e0e0', accent: '#5b5fc7', panel: '#ffffff' },
  dark: { bg: '#1f1f1f', rail: '#0a0a0a', bar: '#0a0a0a', text: '#ffffff', subtle: '#adadad', divider: '#3d3d3d', accent: '#7f85f5', panel: '#292929' },
  contrast: { bg: '#000000', rail: '#000000', bar: '#000000', text: '#ffffff', subtle: '#ffffff', divider: '#ffffff', accent: '#ffff01', panel: '#000000' }
};

export function TeamsChrome(props: { person: DirectoryUser; theme: ThemeName; teamsTheme: string; kind: 'teamsTab' | 'teamsPersonal'; children: React.ReactNode }): React.ReactElement {
  const { person, theme, teamsTheme, kind, children } = props;
  const c = PALETTES[theme];
  const [feedOpen, setFeedOpen] = React.useState(false);
  const railButton = (label: string, glyph: 'activity' | 'chat' | 'teams' | 'hub', active: boolean, onClick?: () => void, testId?: string): React.ReactElement => (
    <button
      type="button" onClick={onClick} aria-pressed={active} data-testid={testId}
      style={{ width: 68, height: 56, border: 0, background: 'transparent', color: active ? c.accent : c.subtle, cursor: 'pointer', font: 'inherit', fontSize: 10, display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', gap: 2, borderLeft: `3px solid ${active ? c.accent : 'transparent'}` }}
    >
      <RailIcon name={glyph} />{label}
    </button>
  );
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100vh', background: c.bg, color: c.text, fontFamily: '"Segoe UI", -apple-system, BlinkMacSystemFont, Roboto, sans-serif' }} data-teams-theme={teamsTheme}>
      <header style={{ height: 48, background: c.bar, display: 'flex', alignItems: 'center', gap: 12, padding: '0 12px', borderBottom: `1px solid ${c.divider}` }}>
        <strong style={{ fontSize: 14 }}>Microsoft Teams (workbench)</strong>
        <span style={{ flex: 1 }} />
        <HostLinks dark={theme !== 'light'} />
        <UserSwitcher person={person} dark={theme !== 'light'} />
      </header>
      <div style={{ display: 'flex', flex: 1, minHeight: 0 }}>
        <nav aria-label="Teams apps" className="wb-rail" style={{ background: c.rail, borderRight: `1px solid ${c.divider}`, display: 'flex', flexDirection: 'column' }}>
          {railButton('Activity', 'activity', feedOpen, () => setFeedOpen(!feedOpen), 'open-activity')}
          {railButton('Chat', 'chat', false)}
          {railButton('Teams', 'teams', !feedOpen && kind === 'teamsTab', () => { window.location.href = `/teams/tab?theme=${teamsTheme}`; })}
          {railButton('Hub', 'hub', !feedOpen && kind === 'teamsPersonal', () => { window.location.href = `/teams/personal?theme=${teamsTheme}`; })}
        </nav>
        {feedOpen && (
          <aside aria-label="Activity" style={{ width: 320, maxWidth: '60vw', background: c.panel, borderRight: `1px solid ${c.divider}`, overflowY: 'auto' }}>
            <h2 style={{ fontSize: 16, margin: 0, padding: 12, borderBottom: `1px solid ${c.divider}` }}>Activity</h2>
            <ActivityFeed upn={person.upn} theme={teamsTheme} colors={c} />
          </aside>
        )}
        <section style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
          <div style={{ padding: '10px 20px', borderBottom: `1px solid ${c.divider}`, display: 'flex', alignItems: 'baseline', gap: 16 }}>
            <strong style={{ fontSize: 16 }}>{kind === 'teamsTab' ? 'Communications › General' : 'Social Media Hub'}</strong>
            <span style={{ fontSize: 14, color: c.subtle, borderBottom: `2px solid ${c.accent}`, paddingBottom: 2 }}>{kind === 'teamsTab' ? 'Social Media Hub' : 'Home'}</span>
          </div>
          <div data-testid="webpart-zone" style={{ flex: 1, overflowY: 'auto', padding: '12px 20px' }}>{children}</div>
        </section>
      </div>
    </div>
  );
}
