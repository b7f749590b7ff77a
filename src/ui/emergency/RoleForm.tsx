import * as React from 'react';
import { TextField } from '@fluentui/react/lib/TextField';
import { Dropdown, type IDropdownOption } from '@fluentui/react/lib/Dropdown';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { EmergencyRole, RoleDraft, RoleDraftField } from '../../domain/emergency';
import type { EmergencyPlanService, PlanAccount } from '../../services/emergencyPlanService';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';

// Comms' form for one role of the emergency plan. It saves from the ETag the role was read at: when a
// colleague saved in between, nothing is written, what they typed stays, and the form shows what is
// saved now so they can save theirs over it or take the other.

const draftOf = (r?: EmergencyRole): RoleDraft => ({ role: r?.role ?? '', personEmail: r?.person?.email ?? '', backupEmail: r?.backup?.email ?? '', accounts: r?.accounts ?? [] });

export function RoleForm({ service, start, roles, accounts, onSaved, onCancel }: {
  service: EmergencyPlanService;
  /** The role as read; undefined to add one. A standard role not saved yet has id 0. */
  start?: EmergencyRole;
  roles: readonly EmergencyRole[];
  accounts: readonly PlanAccount[];
  onSaved(): void;
  onCancel(): void;
}): React.ReactElement {
  const [draft, setDraft] = React.useState<RoleDraft>(() => draftOf(start));
  const [base, setBase] = React.useState(start && { id: start.id, etag: start.etag });
  const [problems, setProblems] = React.useState<Partial<Record<RoleDraftField, string>>>({});
  const [conflict, setConflict] = React.useState<EmergencyRole | undefined>();
  const [gone, setGone] = React.useState(false);
  const [saving, setSaving] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const conflictRef = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => { if (conflict) conflictRef.current?.focus(); }, [conflict]);

  const save = async (over?: { id: number; etag: string }): Promise<void> => {
    setSaving(true);
    setError(undefined);
    try {
      const outcome = await service.save(draft, over ?? base, roles);
      if (outcome.kind === 'saved') { onSaved(); return; }
      if (outcome.kind === 'invalid') setProblems(outcome.problems);
      if (outcome.kind === 'conflict') setConflict(outcome.current);
      if (outcome.kind === 'gone') setGone(true);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  const set = (field: RoleDraftField) => (_: unknown, v?: string): void => {
    setDraft((d) => ({ ...d, [field]: v ?? '' }));
    setProblems((p) => (p[field] ? { ...p, [field]: undefined } : p));
  };
  const options: IDropdownOption[] = accounts.map((a) => ({ key: a.id, text: a.name }));
  const theirs = conflict && draftOf(conflict);

  return (
    <form style={{ display: 'grid', gap: 12, margin: '12px 0', maxWidth: 640 }} aria-label={start ? strings.EmergencyFormEdit : strings.EmergencyFormAdd} noValidate data-testid="role-form"
      onSubmit={(e) => { e.preventDefault(); void save(); }}>
      {conflict && theirs && (
        <div role="alert" ref={conflictRef} tabIndex={-1} data-testid="role-conflict">
          <Notice kind="warning">{strings.EmergencyConflict}</Notice>
          <dl style={{ display: 'grid', gridTemplateColumns: 'minmax(7em, 35%) minmax(0, 1fr)', gap: '4px 12px' }}>
            <dt>{strings.EmergencyFieldRole}</dt><dd style={{ margin: 0 }}>{theirs.role}</dd>
            <dt>{strings.EmergencyColPerson}</dt><dd style={{ margin: 0 }}>{conflict.person?.name ?? strings.EmergencyNobody}</dd>
            <dt>{strings.EmergencyColBackup}</dt><dd style={{ margin: 0 }}>{conflict.backup?.name ?? strings.EmergencyNobody}</dd>
          </dl>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            <PrimaryButton text={strings.EmergencyKeepMine} disabled={saving} onClick={() => { const over = { id: conflict.id, etag: conflict.etag }; setBase(over); setConflict(undefined); void save(over); }} />
            <DefaultButton text={strings.EmergencyTakeTheirs} disabled={saving} onClick={() => { setDraft(theirs); setBase({ id: conflict.id, etag: conflict.etag }); setConflict(undefined); setProblems({}); }} />
          </div>
        </div>
      )}
      {gone && <Notice kind="error">{strings.EmergencyGone}</Notice>}
      <TextField label={strings.EmergencyFieldRole} required value={draft.role} onChange={set('role')} errorMessage={problems.role} maxLength={255} data-testid="role-name" />
      <TextField label={strings.EmergencyFieldPerson} type="email" value={draft.personEmail} onChange={set('personEmail')} errorMessage={problems.personEmail} description={strings.EmergencyPersonHelp} data-testid="role-person" />
      <TextField label={strings.EmergencyFieldBackup} type="email" value={draft.backupEmail} onChange={set('backupEmail')} errorMessage={problems.backupEmail} description={strings.EmergencyPersonHelp} data-testid="role-backup" />
      <Dropdown label={strings.EmergencyFieldAccounts} multiSelect options={options} selectedKeys={draft.accounts} data-testid="role-accounts"
        onChange={(_, o) => { if (o) setDraft((d) => ({ ...d, accounts: o.selected ? [...d.accounts, Number(o.key)] : d.accounts.filter((id) => id !== Number(o.key)) })); }} />
      {error !== undefined && <ErrorBar error={error} onRetry={() => void save()} />}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        <PrimaryButton type="submit" text={saving ? strings.EmergencySaving : strings.EmergencySave} disabled={saving || gone || !!conflict} data-testid="role-save" />
        <DefaultButton text={strings.EmergencyCancel} onClick={onCancel} disabled={saving} />
      </div>
    </form>
  );
}
