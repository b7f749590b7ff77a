import * as React from 'react';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { TextField } from '@fluentui/react/lib/TextField';
import * as strings from 'SocialMediaHubWebPartStrings';
import { validateAccountUpdate, type AccountUpdateInput, type AccountUpdateProblems } from '../../domain/accountUpdates';
import { staffedHours, staffedHoursInputFromRegister } from '../../domain/hours';
import { describeStaffedHours } from '../../domain/register/staffedHours';
import type { AccountUpdatesService, AccountHolders, AccountOperations, FiledUpdate } from '../../services/accountUpdatesService';
import { useAsync } from '../common/useAsync';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { StaffedHoursEditor } from '../common/StaffedHoursEditor';
import { format, formatDateTime } from '../common/format';

// The operational part of an account, kept by its owner and backup (comms may too): the latest update
// that counts, who filed it and when; updates that do not count, with why; and the form to file one.
// SharePoint lets anyone add an update, so the form is offered to those whose updates count, and the
// reader's rule, not the button, decides.

const empty = (): AccountUpdateInput => ({ rota: '', staffedHours: { allHours: false, slots: [{ day: 'Mon', from: '09:00', to: '17:00' }], profileWillSaySo: false }, responseTargetHours: '', contentPlan: '' });

/** A new update starts from the one that counts now (its hours read back from the register's JSON), else a blank week. */
function startFrom(current: AccountOperations['current']): AccountUpdateInput {
  if (!current) return empty();
  return {
    rota: current.rota, contentPlan: current.contentPlan, responseTargetHours: String(current.responseTargetHours),
    staffedHours: staffedHoursInputFromRegister(current.staffedHours, current.profileStatesHours) ?? empty().staffedHours
  };
}

export function OperationsSection({ service, holders, canFile }: { service: AccountUpdatesService; holders: AccountHolders; canFile: boolean }): React.ReactElement {
  const theme = useTheme();
  const [state, reload, set] = useAsync<AccountOperations>(() => service.operations(holders), [service, holders.accountId]);
  const [editing, setEditing] = React.useState(false);
  const [filed, setFiled] = React.useState<FiledUpdate | undefined>();
  const s = mergeStyleSets({
    sub: { ...theme.fonts.mediumPlus, fontWeight: 600, margin: '20px 0 8px' },
    list: { display: 'grid', gridTemplateColumns: 'minmax(8em, 35%) minmax(0, 1fr)', gap: '8px 12px', margin: '8px 0' },
    term: { fontWeight: 600 },
    value: { margin: 0, whiteSpace: 'pre-line', overflowWrap: 'anywhere' }
  });
  if (state.status === 'loading') return <p>{strings.Loading}</p>;
  if (state.status === 'error') return <ErrorBar error={state.error} onRetry={reload} />;
  const current = state.value.current;
  return (
    <section aria-labelledby="smh-ops-heading" data-testid="account-operations">
      <h2 id="smh-ops-heading" className={s.sub}>{strings.OpsHeading}</h2>
      {filed && <Notice kind={filed.counts ? 'success' : 'warning'}>{filed.counts ? strings.OpsFiled : strings.OpsFiledNotCounted}</Notice>}
      {current ? (
        <>
          <p>{format(strings.OpsCurrentBy, current.authorName ?? strings.ReviewSomeone, formatDateTime(current.created))}</p>
          <dl className={s.list}>
            <dt className={s.term}>{strings.OpsRota}</dt><dd className={s.value}>{current.rota}</dd>
            <dt className={s.term}>{strings.OpsStaffedHours}</dt><dd className={s.value}>{`${describeStaffedHours(current.staffedHours) ?? strings.RegisterDetailUnreadableHours}. ${current.profileStatesHours ? strings.RegisterDetailProfileSays : strings.RegisterDetailProfileSaysNot}.`}</dd>
            <dt className={s.term}>{strings.OpsResponseTarget}</dt><dd className={s.value}>{format(strings.RegisterDetailResponseHours, current.responseTargetHours)}</dd>
            <dt className={s.term}>{strings.OpsContentPlan}</dt><dd className={s.value}>{current.contentPlan}</dd>
          </dl>
        </>
      ) : <p>{strings.OpsNone}</p>}
      {state.value.ignored.length > 0 && (
        <Notice kind="warning">
          {format(strings.OpsIgnored, state.value.ignored.map((i) => `${i.record.authorName ?? strings.ReviewSomeone} (${formatDateTime(i.record.created)})`).join(', '))}
        </Notice>
      )}
      {canFile && !editing && <DefaultButton text={strings.OpsFile} onClick={() => { setFiled(undefined); setEditing(true); }} />}
      {canFile && editing && (
        <UpdateForm service={service} holders={holders} start={startFrom(current)} onCancel={() => setEditing(false)}
          onFiled={(f) => { setFiled(f); set({ current: f.current, ignored: f.ignored }); setEditing(false); }} />
      )}
    </section>
  );
}

function UpdateForm({ service, holders, start, onFiled, onCancel }: { service: AccountUpdatesService; holders: AccountHolders; start: AccountUpdateInput; onFiled(f: FiledUpdate): void; onCancel(): void }): React.ReactElement {
  const [input, setInput] = React.useState<AccountUpdateInput>(start);
  const [problems, setProblems] = React.useState<AccountUpdateProblems>({});
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  // One id per update being written: a retry after a failure can never file it twice.
  const submissionId = React.useRef(service.newSubmissionId());
  const hours = input.staffedHours;
  const [attempted, setAttempted] = React.useState(false);
  // The domain's one check, by path, so each slot's problem shows beside it once saving was tried.
  const hourProblems = React.useMemo(() => staffedHours(hours, 'staffedHours').problems, [hours]);
  const hoursError = (path: string): string | undefined => (attempted ? hourProblems.find((p) => p.path === path)?.message : undefined);

  const submit = async (): Promise<void> => {
    setAttempted(true);
    const checked = validateAccountUpdate(input);
    if (!checked.ok) { setProblems(checked.problems); return; }
    setProblems({});
    setBusy(true);
    setError(undefined);
    try {
      onFiled(await service.file(holders, input, submissionId.current));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate aria-label={strings.OpsFormLabel}>
      <TextField label={strings.OpsRota} multiline rows={3} required value={input.rota} onChange={(_, v) => setInput({ ...input, rota: v ?? '' })} errorMessage={problems.rota} description={strings.OpsRotaHelp} />
      <StaffedHoursEditor label={strings.OpsStaffedHours} profileLabel={strings.OpsProfileSays} path="staffedHours" idFor={(p) => `smh-ops-${holders.accountId}-${p.replace(/[^A-Za-z0-9]+/g, '-')}`}
        value={hours} onChange={(h) => setInput({ ...input, staffedHours: h })} error={hoursError} touch={() => undefined} disabled={busy} />
      <TextField label={strings.OpsResponseTarget} required value={input.responseTargetHours} onChange={(_, v) => setInput({ ...input, responseTargetHours: v ?? '' })} errorMessage={problems.responseTargetHours} suffix={strings.OpsHoursSuffix} />
      <TextField label={strings.OpsContentPlan} multiline rows={3} required value={input.contentPlan} onChange={(_, v) => setInput({ ...input, contentPlan: v ?? '' })} errorMessage={problems.contentPlan} />
      {error !== undefined && <ErrorBar error={error} onRetry={() => void submit()} />}
      <div style={{ display: 'flex', gap: 8, marginTop: 12 }}>
        <PrimaryButton type="submit" text={busy ? strings.ReviewSaving : strings.OpsSave} disabled={busy} />
        <DefaultButton text={strings.EditorConfirmCancel} onClick={onCancel} disabled={busy} />
      </div>
    </form>
  );
}
