import * as React from 'react';

// The simulated Teams activity feed: what Graph's sendActivityNotification delivered to the
// signed-in person, read back from the emulator. Opening an entry follows its deep link the way
// Teams does: to the personal app, with the link's subEntityId. For someone the Teams app is not
// installed for, Teams shows nothing from the app, and the feed says why.

export interface FeedEntry {
  id: string;
  activityType: string;
  text: string;
  previewText?: string;
  webUrl: string;
  time: string;
  read?: boolean;
}

export function subEntityIdOf(webUrl: string): string | undefined {
  try {
    const context = new URL(webUrl).searchParams.get('context');
    const parsed = context ? (JSON.parse(context) as { subEntityId?: string }) : undefined;
    return parsed?.subEntityId;
  } catch {
    return undefined;
  }
}

export function ActivityFeed({ upn, theme, colors }: { upn: string; theme: string; colors: { text: string; subtle: string; divider: string } }): React.ReactElement {
  const [entries, setEntries] = React.useState<FeedEntry[] | undefined>();
  const [appInstalled, setAppInstalled] = React.useState(true);
  const [failed, setFailed] = React.useState(false);
  React.useEffect(() => {
    fetch(`/__emulator/graph/feed?user=${encodeURIComponent(upn)}`)
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((body: { value?: FeedEntry[]; teamsAppInstalled?: boolean } | FeedEntry[]) => {
        setEntries(Array.isArray(body) ? body : body.value ?? []);
        setAppInstalled(Array.isArray(body) || body.teamsAppInstalled !== false);
      })
      .catch(() => setFailed(true));
  }, [upn]);
  if (failed) return <p style={{ padding: 12 }}>The activity feed could not be loaded.</p>;
  if (!entries) return <p style={{ padding: 12 }}>Loading activity…</p>;
  if (!appInstalled && entries.length === 0) {
    return <p data-testid="activity-app-missing" style={{ padding: 12, color: colors.subtle }}>Social Media Hub is not installed for you in Teams, so its notifications cannot reach you. Ask your Teams administrator to install it.</p>;
  }
  if (entries.length === 0) return <p style={{ padding: 12, color: colors.subtle }}>No activity yet.</p>;
  return (
    <ul data-testid="activity-feed" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {entries.map((e) => {
        const sub = subEntityIdOf(e.webUrl);
        const href = `/teams/personal?theme=${encodeURIComponent(theme)}${sub ? `&subEntityId=${encodeURIComponent(sub)}` : ''}`;
        return (
          <li key={e.id} style={{ borderBottom: `1px solid ${colors.divider}` }}>
            <a href={href} style={{ display: 'block', padding: '10px 12px', color: colors.text, textDecoration: 'none' }}>
              <div style={{ fontWeight: e.read ? 400 : 600, fontSize: 14 }}>{e.text}</div>
              {e.previewText && <div style={{ fontSize: 12, color: colors.subtle, marginTop: 2 }}>{e.previewText}</div>}
              <div style={{ fontSize: 11, color: colors.subtle, marginTop: 2 }}>{new Date(e.time).toLocaleString('en-GB')}</div>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
