import * as React from 'react';
import { Panel, PanelType } from '@fluentui/react/lib/Panel';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { RegisterService } from '../../services/registerService';
import type { AccountDetail } from '../../services/ports/register';
import type { AccountPerson } from '../../services/ports/accounts';
import { describeStaffedHours } from '../../domain/register/staffedHours';
import { safeLinkUrl } from '../../domain/policy/parse';
import { useAsync } from '../common/useAsync';
import { linkColour } from './linkColour';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { format, formatDate } from '../common/format';
import { OperationsSection } from './OperationsSection';
import { AccountEditForm } from './AccountEditForm';
import { AccountHistorySection } from './AccountHistorySection';
import { ShareCredentialsSection } from '../vault/ShareCredentialsSection';

// One account of the register: who owns and backs it up, what it is for, when it is staffed, and the
// request it came from. Comms (those SharePoint lets edit the list) switch to an edit form; owners
// keep the operational part current through account updates.

export function AccountDetailPanel({ service, accountId, onDismiss, onOwnerFilter, onChanged }: {
  service: RegisterService; accountId: number; onDismiss(): void; onOwnerFilter(owner: AccountPerson): void; onChanged?(): void;
}): React.ReactElement {
  const [state, reload] = useAsync(() => service.account(accountId), [service, accountId]);
  const [rights] = useAsync(() => service.editRights(), [service]);
  const [editing, setEditing] = React.useState(false);
  const [saved, setSaved] = React.useState(false);
  const canEdit = rights.status === 'ready' && rights.value.canEdit;
  const title = state.status === 'ready' && state.value ? `${state.value.name} (${state.value.platform})` : strings.Loading;
  return (
    // Light dismiss would throw away a half-typed edit: only while reading.
    <Panel isOpen onDismiss={onDismiss} type={PanelType.medium} headerText={title} closeButtonAriaLabel={strings.RegisterDetailClose} isLightDismiss={!editing} data-testid="account-detail">
      {state.status === 'loading' && <Spinner label={strings.Loading} />}
      {state.status === 'error' && <ErrorBar error={state.error} onRetry={reload} scope="site" />}
      {state.status === 'ready' && !state.value && <Notice kind="info">{strings.RegisterDetailMissing}</Notice>}
      {state.status === 'ready' && state.value && (editing ? (
        <EditAccount service={service} accountId={accountId} onCancel={() => setEditing(false)}
          onSaved={() => { setEditing(false); setSaved(true); reload(); onChanged?.(); }} />
      ) : (
        <>
          {saved && <Notice kind="success">{strings.RegEditSaved}</Notice>}
          {canEdit && <DefaultButton text={strings.RegEdit} onClick={() => { setSaved(false); setEditing(true); }} data-testid="account-edit-start" />}
          <Detail account={state.value} onOwnerFilter={onOwnerFilter} />
          <Operations service={service} account={state.value} />
          {service.history && <AccountHistorySection service={service.history} account={state.value} />}
        </>
      ))}
    </Panel>
  );
}

/** The edit form, started from the entry as it is now (with its ETag). */
function EditAccount({ service, accountId, onSaved, onCancel }: { service: RegisterService; accountId: number; onSaved(): void; onCancel(): void }): React.ReactElement {
  const [start, reload] = useAsync(() => service.editable(accountId), [service, accountId]);
  if (start.status === 'loading') return <Spinner label={strings.Loading} />;
  if (start.status === 'error') return <ErrorBar error={start.error} onRetry={reload} scope="site" />;
  if (!start.value) return <Notice kind="info">{strings.RegisterDetailMissing}</Notice>;
  return <AccountEditForm service={service} start={start.value} onSaved={onSaved} onCancel={onCancel} />;
}

/** The owners' operational record, with the form for those whose updates count (the owner, the backup). */
function Operations({ service, account: a }: { service: RegisterService; account: AccountDetail }): React.ReactElement | null {
  const [me] = useAsync(() => service.me(), [service]);
  const holders = React.useMemo(() => ({ accountId: a.id, ownerId: a.owner?.userId, backupId: a.backup?.userId, created: a.created ?? '' }), [a]);
  if (!service.updates) return null;
  const mine = me.status === 'ready' && (me.value === a.owner?.userId || me.value === a.backup?.userId);
  return (
    <>
      <OperationsSection service={service.updates} holders={holders} canFile={mine} />
      {/* Offered to the owner and backup; whether a share counts is the readers' rule, not this button. */}
      {mine && <ShareCredentialsSection account={{ ...holders, name: a.name }} />}
    </>
  );
}

function Detail({ account: a, onOwnerFilter }: { account: AccountDetail; onOwnerFilter(owner: AccountPerson): void }): React.ReactElement {
  const theme = useTheme();
  const s = mergeStyleSets({
    list: { display: 'grid', gridTemplateColumns: 'minmax(8em, 35%) minmax(0, 1fr)', gap: '8px 12px', margin: '12px 0', ...theme.fonts.medium },
    term: { fontWeight: 600 },
    value: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-line', selectors: { a: { color: linkColour(theme) } } },
    missing: { margin: 0, color: theme.semanticColors.bodySubtext, fontStyle: 'italic' }
  });
  const profile = a.profileUrl ? safeLinkUrl(a.profileUrl) : undefined;
  const hours = describeStaffedHours(a.staffedHours) ?? (a.staffedHours ? strings.RegisterDetailUnreadableHours : undefined);
  const person = (p?: AccountPerson): React.ReactNode => (p ? <>{p.name}<br /><a href={`mailto:${p.email}`}>{p.email}</a></> : undefined);
  const rows: [string, React.ReactNode][] = [
    [strings.RegisterDetailOwner, person(a.owner)],
    [strings.RegisterDetailBackup, person(a.backup)],
    [strings.RegisterDetailHandle, a.handle],
    [strings.RegisterDetailProfile, profile ? <a href={profile} target="_blank" rel="noopener noreferrer">{a.profileUrl}</a> : a.profileUrl],
    [strings.RegisterDetailService, a.service],
    [strings.RegisterDetailStatus, a.status],
    [strings.RegisterDetailObjectives, a.objectives],
    [strings.RegisterDetailContentPlan, a.contentPlan],
    [strings.RegisterDetailStaffedHours, hours && (a.profileStatesHours === undefined ? hours : `${hours}. ${a.profileStatesHours ? strings.RegisterDetailProfileSays : strings.RegisterDetailProfileSaysNot}.`)],
    [strings.RegisterDetailResponseTarget, a.responseTargetHours !== undefined ? format(strings.RegisterDetailResponseHours, a.responseTargetHours) : undefined],
    [strings.RegisterDetailHashtags, a.hashtags],
    [strings.RegisterDetailFromRequest, a.fromRequestId !== undefined ? format(strings.RegisterDetailFromRequestId, a.fromRequestId) : undefined],
    [strings.RegisterDetailAdded, formatDate(a.created) || undefined],
    [strings.RegisterDetailChanged, formatDate(a.modified) || undefined]
  ];
  return (
    <>
      <dl className={s.list}>
        {rows.map(([term, value]) => (
          <React.Fragment key={term}>
            <dt className={s.term}>{term}</dt>
            {value === undefined || value === '' ? <dd className={s.missing}>{strings.RegisterDetailNotRecorded}</dd> : <dd className={s.value}>{value}</dd>}
          </React.Fragment>
        ))}
      </dl>
      {a.owner && <DefaultButton text={format(strings.RegisterDetailTheirAccounts, a.owner.name)} onClick={() => onOwnerFilter(a.owner!)} />}
    </>
  );
}
