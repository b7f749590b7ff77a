import * as React from 'react';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { PolicyChange } from '../../domain/policy';
import { pageWithVersion, type PolicyPage } from '../../services/policyService';
import { useServices } from '../common/ServicesContext';
import { useAsync } from '../common/useAsync';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { format } from '../common/format';
import { groupChanges, kindLabel, olderFirst } from './changeGroups';
import { historyStyles } from './historyStyles';

type Render = (text: string) => string;

/** One change: what kind, which item, and the text before and after (plain text, escaped by React). */
function ChangeRow({ change, before, after }: { change: PolicyChange; before: Render; after: Render }): React.ReactElement {
  const s = historyStyles(useTheme());
  const title = change.kind === 'removed' ? before(change.title) : after(change.title);
  return (
    <li className={s.change} data-change-kind={change.kind} data-change-area={change.area}>
      <div className={s.changeHead}>
        <span className={s[change.kind]}>{kindLabel(change.kind)}</span>
        <span className={s.changeTitle}>{title}</span>
      </div>
      {change.before !== undefined && change.kind !== 'moved' && (
        <p className={s.text}><span className={s.textLabel}>{strings.HistoryBefore}</span>{before(change.before)}</p>
      )}
      {change.after !== undefined && change.kind !== 'moved' && (
        <p className={s.text}><span className={s.textLabel}>{strings.HistoryAfter}</span>{after(change.after)}</p>
      )}
    </li>
  );
}

/** What changed between two versions, grouped by part of the policy. */
export function VersionComparison({ page, ids, onClose }: { page: PolicyPage; ids: [number, number]; onClose(): void }): React.ReactElement {
  const s = historyStyles(useTheme());
  const services = useServices();
  const [a, b] = ids;
  const [state, retry] = useAsync(() => Promise.all([services.policy.getVersion(a), services.policy.getVersion(b)]), [services, a, b]);
  let body: React.ReactNode;
  let heading = strings.HistoryComparing;
  if (state.status === 'loading') body = <Spinner label={strings.Loading} />;
  else if (state.status === 'error') body = <ErrorBar error={state.error} onRetry={retry} />;
  else {
    const [older, newer] = olderFirst(...state.value);
    heading = format(strings.HistoryComparingVersions, older.label, newer.label);
    // Placeholders read as the names each version had, not as "{organisation}".
    const olderPage = pageWithVersion(page, older);
    const newerPage = pageWithVersion(page, newer);
    const before = olderPage.render;
    const after = newerPage.render;
    const groups = groupChanges(older, newer, { older: olderPage.placeholders, newer: newerPage.placeholders });
    body = groups.length === 0
      ? <Notice kind="info">{strings.HistoryNoChanges}</Notice>
      : groups.map((g) => (
        <section key={g.area} aria-label={g.label} data-area={g.area}>
          <h4 className={s.groupHeading}>{format(strings.HistoryGroupHeading, g.label, g.changes.length)}</h4>
          <ul className={s.changes}>
            {g.changes.map((c, i) => <ChangeRow key={`${c.kind}-${c.title}-${i}`} change={c} before={before} after={after} />)}
          </ul>
        </section>
      ));
  }
  return (
    <section className={s.panel} aria-label={strings.HistoryComparing}>
      <div className={s.panelBar}>
        <h3 className={s.panelTitle}>{heading}</h3>
        <DefaultButton text={strings.HistoryClose} onClick={onClose} />
      </div>
      {body}
    </section>
  );
}
