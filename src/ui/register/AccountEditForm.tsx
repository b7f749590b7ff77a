import * as React from 'react';
import { TextField } from '@fluentui/react/lib/TextField';
import { Dropdown, type IDropdownOption } from '@fluentui/react/lib/Dropdown';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { RegisterService } from '../../services/registerService';
import type { EditableAccount } from '../../services/ports/registerWriter';
import { ACCOUNT_STATUSES, PLATFORMS } from '../../domain/register/choices';
import { ACCOUNT_LIMITS, EMPTY_DRAFT, changedFields, mergeDrafts, type AccountDraft, type AccountDraftField } from '../../domain/register/accountEdit';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { PersonPicker } from '../common/PersonPicker';

// Comms' form for one register entry (PRODUCT.md C2): edit an entry from the ETag it was read at,
// or add one. When someone else saved first, nothing is written: the form keeps what this person
// typed and shows what is saved now, field by field, so they can re-apply theirs or take the other.

const LABELS: Record<AccountDraftField, string> = {
  name: strings.RegEditName, platform: strings.RegEditPlatform, handle: strings.RegEditHandle, profileUrl: strings.RegEditProfileUrl,
  service: strings.RegEditService, ownerEmail: strings.PeopleOwner, backupEmail: strings.PeopleBackup, status: strings.RegEditStatus,
  objectives: strings.RegEditObjectives, hashtags: strings.RegEditHashtags
};

export function AccountEditForm({ service, start, onSaved, onCancel }: {
  service: RegisterService;
  /** The entry as read (with its ETag); undefined to add a new one. */
  start?: EditableAccount;
  onSaved(id: number): void;
  onCancel(): void;
}): React.ReactElement {
  const theme = useTheme();
  const [draft, setDraft] = React.useState<AccountDraft>(start?.draft ?? EMPTY_DRAFT);
  // Names for the pickers' chips, by address (the draft, like the register's conflict check, holds addresses).
  const [names, setNames] = React.useState<Record<string, string>>(() => ({
    ...(start?.names?.owner && start.draft.ownerEmail ? { [start.draft.ownerEmail.toLowerCase()]: start.names.owner } : {}),
    ...(start?.names?.backup && start.draft.backupEmail ? { [start.draft.backupEmail.toLowerCase()]: start.names.backup } : {})
  }));
  /** The entry as this person last saw it saved: what their changes are measured from. */
  const [seen, setSeen] = React.useState<AccountDraft>(start?.draft ?? EMPTY_DRAFT);
  const [base, setBase] = React.useState(start && { id: start.id, etag: start.etag });
  const [problems, setProblems] = React.useState<Partial<Record<AccountDraftField, string>>>({});
  const [conflict, setConflict] = React.useState<EditableAccount | undefined>();
  const [gone, setGone] = React.useState(false);
  const [saving, setSaving] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  // Save sits at the foot of a long form: bring the conflict, at its head, into view and focus.
  const conflictRef = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (!conflict) return;
    conflictRef.current?.scrollIntoView?.({ block: 'start' });
    conflictRef.current?.focus();
  }, [conflict]);
  const s = mergeStyleSets({
    form: { display: 'grid', gap: 12, margin: '12px 0' },
    pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 200px), 1fr))', gap: 12 },
    actions: { display: 'flex', flexWrap: 'wrap', gap: 8, margin: '8px 0' },
    theirs: { display: 'grid', gridTemplateColumns: 'minmax(7em, 35%) minmax(0, 1fr)', gap: '4px 12px', margin: '8px 0', ...theme.fonts.medium },
    term: { fontWeight: 600 },
    value: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-line' },
    // The panel's title stays at the top while its body scrolls: stop below it.
    conflict: { scrollMarginTop: 72, selectors: { ':focus-visible': { outline: `2px solid ${theme.semanticColors.focusBorder}` } } }
  });

  const set = (field: AccountDraftField) => (_: unknown, v?: string): void => {
    setDraft((d) => ({ ...d, [field]: v ?? '' }));
    setProblems((p) => (p[field] ? { ...p, [field]: undefined } : p));
  };
  const save = async (over?: { id: number; etag: string }): Promise<void> => {
    setSaving(true);
    setError(undefined);
    try {
      const outcome = await service.saveAccount(draft, over ?? base);
      if (outcome.kind === 'saved') { onSaved(outcome.id); return; }
      if (outcome.kind === 'invalid') setProblems(outcome.problems);
      if (outcome.kind === 'conflict') setConflict(outcome.current);
      if (outcome.kind === 'gone') setGone(true);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  const differing = conflict ? changedFields(draft, conflict.draft) : [];
  const options = (values: readonly string[]): IDropdownOption[] => values.map((v) => ({ key: v, text: v }));
  const field = (f: AccountDraftField, extra: Partial<React.ComponentProps<typeof TextField>> = {}): React.ReactElement => (
    <TextField label={LABELS[f]} value={draft[f]} onChange={set(f)} errorMessage={problems[f]} data-testid={`edit-${f}`} {...extra} />
  );

  return (
    <form className={s.form} aria-label={start ? strings.RegEditFormLabel : strings.RegAddFormLabel} onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate data-testid="account-edit">
      {conflict && (
        <div role="alert" data-testid="edit-conflict" ref={conflictRef} tabIndex={-1} className={s.conflict}>
          <Notice kind="warning">{differing.length ? strings.RegEditConflict : strings.RegEditConflictSame}</Notice>
          {differing.length > 0 && (
            <dl className={s.theirs} aria-label={strings.RegEditConflictTheirs}>
              {differing.map((f) => (
                <React.Fragment key={f}>
                  <dt className={s.term}>{LABELS[f]}</dt>
                  <dd className={s.value}>{conflict.draft[f] || strings.RegisterDetailNotRecorded}</dd>
                </React.Fragment>
              ))}
            </dl>
          )}
          <div className={s.actions}>
            <PrimaryButton text={strings.RegEditMerge} disabled={saving} onClick={() => {
              setDraft(mergeDrafts(seen, draft, conflict.draft)); setSeen(conflict.draft); setBase({ id: conflict.id, etag: conflict.etag }); setConflict(undefined); setProblems({});
            }} />
            <DefaultButton text={strings.RegEditKeepMine} disabled={saving} onClick={() => { const over = { id: conflict.id, etag: conflict.etag }; setBase(over); setSeen(conflict.draft); setConflict(undefined); void save(over); }} />
            <DefaultButton text={strings.RegEditTakeTheirs} disabled={saving} onClick={() => { setDraft(conflict.draft); setSeen(conflict.draft); setBase({ id: conflict.id, etag: conflict.etag }); setConflict(undefined); setProblems({}); }} />
          </div>
        </div>
      )}
      {gone && <Notice kind="error">{strings.RegEditGone}</Notice>}
      {field('name', { required: true, maxLength: ACCOUNT_LIMITS.textLength })}
      <div className={s.pair}>
        <Dropdown label={LABELS.platform} required options={options(PLATFORMS)} selectedKey={draft.platform || null} errorMessage={problems.platform} data-testid="edit-platform"
          onChange={(_, o) => set('platform')(undefined, o ? String(o.key) : '')} />
        <Dropdown label={LABELS.status} required options={options(ACCOUNT_STATUSES)} selectedKey={draft.status || null} errorMessage={problems.status} data-testid="edit-status"
          onChange={(_, o) => set('status')(undefined, o ? String(o.key) : '')} />
      </div>
      {field('handle', { required: true, description: strings.RegEditHandleHelp })}
      {field('profileUrl', { type: 'url' })}
      {field('service')}
      <div className={s.pair}>
        {(['ownerEmail', 'backupEmail'] as const).map((f) => (
          <PersonPicker key={f} id={`smh-edit-${f}`} label={LABELS[f]} testId={`edit-${f}`} people={service.directory} disabled={saving}
            value={{ name: names[draft[f].toLowerCase()] ?? '', email: draft[f] }} errorMessage={problems[f]}
            onChange={(p) => {
              if (p.email) setNames((n) => ({ ...n, [p.email.toLowerCase()]: p.name }));
              set(f)(undefined, p.email);
            }} />
        ))}
      </div>
      {field('objectives', { multiline: true, autoAdjustHeight: true, rows: 3 })}
      {field('hashtags', { description: strings.RegEditHashtagsHelp })}
      {error !== undefined && <ErrorBar error={error} onRetry={() => void save()} />}
      {Object.values(problems).some(Boolean) && <Notice kind="error">{strings.RegEditFix}</Notice>}
      <div className={s.actions}>
        <PrimaryButton type="submit" text={saving ? strings.RegEditSaving : start ? strings.RegEditSave : strings.RegAddSave} disabled={saving || gone || !!conflict} data-testid="edit-save" />
        <DefaultButton text={strings.RegEditCancel} onClick={onCancel} disabled={saving} />
      </div>
    </form>
  );
}
