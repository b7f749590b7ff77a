import * as React from 'react';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import { DefaultButton } from '@fluentui/react/lib/Button';
import * as strings from 'SocialMediaHubWebPartStrings';
import { entryHistory, type FieldChange, type HistoryField } from '../../domain/register/accountHistory';
import type { AccountHistory, AccountHistoryService } from '../../services/accountHistoryService';
import type { AccountDetail } from '../../services/ports/register';
import { useAsync } from '../common/useAsync';
import { ErrorBar } from '../common/ErrorBar';
import { format, formatDateTime } from '../common/format';
import { linkColour } from './linkColour';

// An account's history in its detail panel: the request it came from, who changed the register entry,
// what and when (from the versions SharePoint keeps), and the account updates filed for it with
// whether each counts. Read when the panel opens; long lists show a page at a time.

const PAGE = 10;

const FIELD_LABELS: Record<HistoryField, string> = {
  name: strings.RegisterColName,
  platform: strings.RegisterColPlatform,
  handle: strings.RegisterDetailHandle,
  profileUrl: strings.RegisterDetailProfile,
  service: strings.RegisterDetailService,
  owner: strings.RegisterDetailOwner,
  backup: strings.RegisterDetailBackup,
  status: strings.RegisterDetailStatus,
  objectives: strings.RegisterDetailObjectives,
  contentPlan: strings.RegisterDetailContentPlan,
  staffedHours: strings.RegisterDetailStaffedHours,
  profileStatesHours: strings.HistoryAccountProfileSays,
  responseTargetHours: strings.RegisterDetailResponseTarget,
  hashtags: strings.RegisterDetailHashtags,
  fromRequestId: strings.RegisterDetailFromRequest
};

const WORDS = {
  yes: strings.HistoryAccountYes,
  no: strings.HistoryAccountNo,
  hours: (n: number) => format(strings.RegisterDetailResponseHours, n),
  unreadableHours: strings.RegisterDetailUnreadableHours
};

/** "Owner: Ann Patel → Ben Okafor", in plain words (long texts are said to have changed, not repeated). */
export function describeChange(c: FieldChange, added: boolean): string {
  const label = FIELD_LABELS[c.field];
  const long = c.field === 'objectives' || c.field === 'contentPlan';
  if (added) return format(strings.HistoryAccountWas, label, long ? strings.HistoryAccountRecorded : c.to ?? '');
  if (long) return format(strings.HistoryAccountLongChanged, label);
  return format(strings.HistoryAccountChange, label, c.from ?? strings.HistoryAccountNone, c.to ?? strings.HistoryAccountNone);
}

/** A link that opens the request in this page (`?smh=<page>&item=<id>`), as the hub's own links do. */
function requestHref(page: 'requests' | 'review', id: number): string {
  const url = new URL(window.location.href);
  url.searchParams.set('smh', page);
  url.searchParams.set('item', String(id));
  return url.toString();
}

export function AccountHistorySection({ service, account }: { service: AccountHistoryService; account: AccountDetail }): React.ReactElement {
  const theme = useTheme();
  const [state, reload] = useAsync<AccountHistory>(() => service.read({
    id: account.id, fromRequestId: account.fromRequestId, ownerId: account.owner?.userId, backupId: account.backup?.userId, created: account.created ?? ''
  }), [service, account.id, account.modified]);
  const [shown, setShown] = React.useState(PAGE);
  const [updatesShown, setUpdatesShown] = React.useState(PAGE);
  const s = mergeStyleSets({
    sub: { ...theme.fonts.mediumPlus, fontWeight: 600, margin: '20px 0 8px' },
    minor: { ...theme.fonts.medium, fontWeight: 600, margin: '12px 0 4px' },
    list: { margin: '4px 0', paddingLeft: 20, selectors: { a: { color: linkColour(theme) } } },
    entry: { margin: '8px 0' },
    changes: { margin: '2px 0', paddingLeft: 18, overflowWrap: 'anywhere' },
    muted: { color: theme.semanticColors.bodySubtext }
  });
  const entries = React.useMemo(() => (state.status === 'ready' ? entryHistory(state.value.versions, WORDS) : []), [state]);
  if (state.status === 'loading') return <p>{strings.HistoryAccountLoading}</p>;
  if (state.status === 'error') return <ErrorBar error={state.error} onRetry={reload} />;
  const { request, updates } = state.value;
  return (
    <section aria-labelledby="smh-acct-history" data-testid="account-history">
      <h2 id="smh-acct-history" className={s.sub}>{strings.HistoryAccountHeading}</h2>
      {request && (
        <p data-testid="account-history-request">
          {format(strings.HistoryAccountFromRequest, request.id)}{' '}
          {request.opensIn
            ? <a href={requestHref(request.opensIn, request.id)} style={{ color: linkColour(theme) }}>{strings.HistoryAccountOpenRequest}</a>
            : <span className={s.muted}>{strings.HistoryAccountRequestClosed}</span>}
        </p>
      )}
      <h3 className={s.minor}>{strings.HistoryAccountChangesHeading}</h3>
      {entries.length === 0 ? <p>{strings.HistoryAccountNoVersions}</p> : (
        <ol className={s.list} aria-label={strings.HistoryAccountChangesHeading} data-testid="account-history-changes">
          {entries.slice(0, shown).map((e) => (
            <li key={e.label} className={s.entry}>
              <span>{format(e.added ? strings.HistoryAccountAddedBy : strings.HistoryAccountChangedBy, formatDateTime(e.at), e.by || strings.ReviewSomeone)}</span>
              {e.changes.length === 0 ? <span className={s.muted}> {strings.HistoryAccountNothingVisible}</span> : (
                <ul className={s.changes}>{e.changes.map((c) => <li key={c.field}>{describeChange(c, e.added)}</li>)}</ul>
              )}
            </li>
          ))}
        </ol>
      )}
      {entries.length > shown && <DefaultButton text={format(strings.HistoryAccountShowOlder, Math.min(PAGE, entries.length - shown))} onClick={() => setShown(shown + PAGE)} />}
      <h3 className={s.minor}>{strings.HistoryAccountUpdatesHeading}</h3>
      {updates.length === 0 ? <p>{strings.HistoryAccountNoUpdates}</p> : (
        <>
          <p>{format(strings.HistoryAccountUpdatesCount, updates.length, updates.filter((u) => u.counts).length)}</p>
          <ul className={s.list} data-testid="account-history-updates">
            {updates.slice(0, updatesShown).map((u) => (
              <li key={u.id}>{format(u.counts ? strings.HistoryAccountUpdateCounts : strings.HistoryAccountUpdateIgnored, u.authorName || strings.ReviewSomeone, formatDateTime(u.created))}</li>
            ))}
          </ul>
          {updates.length > updatesShown && <DefaultButton text={format(strings.HistoryAccountShowOlder, Math.min(PAGE, updates.length - updatesShown))} onClick={() => setUpdatesShown(updatesShown + PAGE)} />}
        </>
      )}
    </section>
  );
}
