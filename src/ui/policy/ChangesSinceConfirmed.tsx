import * as React from 'react';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { WhatChangedSince } from '../../domain/policy';
import type { PolicyVersionSummary } from '../../services/ports/policy';
import { format } from '../common/format';

/** Versions listed before the rest fold away: enough for the usual one major and a minor or two. */
const SHORT_LIST = 3;

let nextId = 0;

/**
 * Why the person is asked to confirm again, inside the banner: the change notes of every version
 * since the one they last confirmed, newest first; or, if they never confirmed one, that this is
 * their first time (nothing else: to them everything is new).
 */
export function ChangesSinceConfirmed({ since, render }: { since: WhatChangedSince<PolicyVersionSummary>; render: (t: string) => string }): React.ReactElement {
  const theme = useTheme();
  const [open, setOpen] = React.useState(false);
  const [listId] = React.useState(() => `smh-since-${++nextId}`);
  const s = mergeStyleSets({
    root: { marginTop: 6 },
    intro: { margin: '0 0 4px', fontWeight: 600 },
    list: { margin: 0, paddingLeft: 20 },
    item: { margin: '2px 0', lineHeight: '1.4em' },
    toggle: {
      ...theme.fonts.medium, background: 'none', border: 'none', padding: '4px 0', minHeight: 24, cursor: 'pointer', color: 'inherit', textDecoration: 'underline',
      selectors: { ':focus-visible': { outline: `2px solid ${theme.semanticColors.focusBorder}`, outlineOffset: 1 } }
    }
  });
  if (!since.confirmed) return <p className={s.root} data-testid="changes-since">{strings.AckFirstTime}</p>;
  const versions = open ? since.since : since.since.slice(0, SHORT_LIST);
  const hidden = since.since.length - SHORT_LIST;
  return (
    <div className={s.root} data-testid="changes-since">
      <p className={s.intro}>{format(strings.AckSinceHeading, since.confirmed.label)}</p>
      <ul className={s.list} id={listId}>
        {versions.map((v) => (
          <li key={v.id} className={s.item}>
            <strong>{format(strings.AckSinceVersion, v.label)}</strong>: {v.changeSummary?.trim() ? render(v.changeSummary) : strings.AckNoNote}
          </li>
        ))}
      </ul>
      {hidden > 0 && (
        <button type="button" className={s.toggle} aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          {open ? strings.AckShowFewer : format(strings.AckShowMore, hidden)}
        </button>
      )}
    </div>
  );
}
