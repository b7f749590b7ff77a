import * as React from 'react';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import { DefaultButton, PrimaryButton, IconButton } from '@fluentui/react/lib/Button';
import { TextField } from '@fluentui/react/lib/TextField';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import * as strings from 'SocialMediaHubWebPartStrings';
import { validateAccountUpdate, type AccountUpdateInput, type AccountUpdateProblems } from '../../domain/accountUpdates';
import { WEEKDAYS } from '../../domain/requests';
import { describeStaffedHours } from '../../domain/register/staffedHours';
import type { AccountUpdatesService, AccountHolders, AccountOperations, FiledUpdate } from '../../services/accountUpdatesService';
import { useAsync } from '../common/useAsync';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { format, formatDateTime } from '../common/format';

// The operational part of an account, kept by its owner and backup (comms may too): the latest update
// that counts, who filed it and when; updates that do not count, with why; and the form to file one.
// SharePoint lets anyone add an update, so the form is offered to those whose updates count, and the
// reader's rule, not the button, decides.

const empty = (): AccountUpdateInput => ({ rota: '', staffedHours: { allHours: false, slots: [{ day: 'Mon', from: '09:00', to: '17:00' }], profileWillSaySo: false }, responseTargetHours: '', contentPlan: '' });

/** A new slot starts the day after the last one, with its times: adding the week is a few clicks. */
function nextSlot(slots: { day: string; from: string; to: string }[]): { day: string; from: string; to: string } {
  const last = slots[slots.length - 1];
  if (!last) return { day: 'Mon', from: '09:00', to: '17:00' };
  const at = WEEKDAYS.indexOf(last.day as (typeof WEEKDAYS)[number]);
  return { day: WEEKDAYS[(at + 1) % WEEKDAYS.length], from: last.from, to: last.to };
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
        <UpdateForm service={service} holders={holders} onCancel={() => setEditing(false)}
          onFiled={(f) => { setFiled(f); set({ current: f.current, ignored: f.ignored }); setEditing(false); }} />
      )}
    </section>
  );
}

function UpdateForm({ service, holders, onFiled, onCancel }: { service: AccountUpdatesService; holders: AccountHolders; onFiled(f: FiledUpdate): void; onCancel(): void }): React.ReactElement {
  const [input, setInput] = React.useState<AccountUpdateInput>(empty);
  const [problems, setProblems] = React.useState<AccountUpdateProblems>({});
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  // One id per update being written: a retry after a failure can never file it twice.
  const submissionId = React.useRef(service.newSubmissionId());
  const hours = input.staffedHours;
  const setHours = (h: Partial<typeof hours>): void => setInput({ ...input, staffedHours: { ...hours, ...h } });

  const submit = async (): Promise<void> => {
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
      <Checkbox label={strings.OpsAllHours} checked={hours.allHours} onChange={(_, c) => setHours({ allHours: !!c })} styles={{ root: { margin: '12px 0 4px' } }} />
      {!hours.allHours && (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>{strings.OpsStaffedHours}</legend>
          {hours.slots.map((slot, n) => (
            <div key={n} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'flex-end' }}>
              <Dropdown label={strings.OpsDay} selectedKey={slot.day} options={WEEKDAYS.map((d) => ({ key: d, text: d }))} styles={{ root: { width: 90 } }}
                onChange={(_, o) => setHours({ slots: hours.slots.map((x, i) => (i === n ? { ...x, day: String(o?.key ?? x.day) } : x)) })} />
              <TextField label={strings.OpsFrom} value={slot.from} styles={{ root: { width: 90 } }} onChange={(_, v) => setHours({ slots: hours.slots.map((x, i) => (i === n ? { ...x, from: v ?? '' } : x)) })} />
              <TextField label={strings.OpsTo} value={slot.to} styles={{ root: { width: 90 } }} onChange={(_, v) => setHours({ slots: hours.slots.map((x, i) => (i === n ? { ...x, to: v ?? '' } : x)) })} />
              <IconButton iconProps={{ iconName: 'Cancel' }} title={format(strings.OpsRemoveSlot, slot.day)} ariaLabel={format(strings.OpsRemoveSlot, slot.day)} onClick={() => setHours({ slots: hours.slots.filter((_, i) => i !== n) })} />
            </div>
          ))}
          <DefaultButton text={strings.OpsAddSlot} onClick={() => setHours({ slots: [...hours.slots, nextSlot(hours.slots)] })} styles={{ root: { marginTop: 8 } }} />
        </fieldset>
      )}
      {problems.staffedHours && <p role="alert" style={{ color: 'inherit', fontWeight: 600 }}>{problems.staffedHours}</p>}
      <Checkbox label={strings.OpsProfileSays} checked={hours.profileWillSaySo} onChange={(_, c) => setHours({ profileWillSaySo: !!c })} styles={{ root: { margin: '12px 0' } }} />
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
