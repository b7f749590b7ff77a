import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { TextField } from '@fluentui/react/lib/TextField';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { ShareInput, ShareOutcome, ShareAccount, ShareProblem } from '../../services/vaultService';
import type { VaultService } from '../../services/vaultService';
import { ServicesContext } from '../common/ServicesContext';
import { PolicyPageContext } from '../common/PolicyPageContext';
import { DeliveryReportView } from '../common/DeliveryReportView';
import { Notice } from '../common/Notice';
import { format } from '../common/format';
import { VaultErrorBar } from './VaultErrorBar';

// Owners and backups share an account's credentials with comms ("Share credentials") or after a
// change ("I changed the password"). The password lives only in this component's state: no draft is
// kept (not in local or session storage either), and the form is emptied once it is saved. The vault's
// code (WebCrypto, its repositories) loads only when the form is sent.

const blank = (): ShareInput => ({ username: '', password: '', recovery: '', notes: '', twoStepOn: false, recoveryIsOrganisational: false, rotatedOn: '' });

export function ShareCredentialsSection({ account }: { account: ShareAccount }): React.ReactElement {
  const services = React.useContext(ServicesContext);
  const page = React.useContext(PolicyPageContext)?.state;
  const teamsAppId = page?.status === 'ready' ? page.value.settings.teamsAppId : '';
  const [mode, setMode] = React.useState<'shared' | 'changed' | undefined>();
  const [done, setDone] = React.useState<ShareOutcome | undefined>();
  return (
    <section aria-labelledby="smh-vault-share-heading" data-testid="share-credentials">
      <h2 id="smh-vault-share-heading" style={{ fontSize: 16, fontWeight: 600, margin: '20px 0 8px' }}>{strings.VaultShareHeading}</h2>
      <p>{strings.VaultShareIntro}</p>
      {done && (
        <>
          <Notice kind="success">{format(strings.VaultShareDone, done.wrappedFor)}</Notice>
          <DeliveryReportView report={{ recipients: done.notified.recipients, results: done.notified.results }} summaryTemplate={strings.VaultNotifiedSummary} noneText={strings.VaultNotifyNone} testId="vault-share-report" />
        </>
      )}
      {!mode && (
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <DefaultButton text={strings.VaultShareStart} onClick={() => { setDone(undefined); setMode('shared'); }} data-testid="vault-share-start" />
          <DefaultButton text={strings.VaultChangedStart} onClick={() => { setDone(undefined); setMode('changed'); }} data-testid="vault-changed-start" />
        </div>
      )}
      {mode && services && (
        <ShareForm account={account} mode={mode} load={() => services.vault(teamsAppId)} onCancel={() => setMode(undefined)}
          onDone={(o) => { setDone(o); setMode(undefined); }} />
      )}
    </section>
  );
}

function ShareForm({ account, mode, load, onDone, onCancel }: { account: ShareAccount; mode: 'shared' | 'changed'; load(): Promise<VaultService>; onDone(o: ShareOutcome): void; onCancel(): void }): React.ReactElement {
  const [input, setInput] = React.useState<ShareInput>(blank);
  const [problems, setProblems] = React.useState<Partial<Record<ShareProblem, string>>>({});
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const submissionId = React.useRef<string>();
  const set = (patch: Partial<ShareInput>): void => setInput((i) => ({ ...i, ...patch }));

  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      const vault = await load();
      const found = (vault.constructor as typeof VaultService).checkShare(input);
      setProblems(found);
      if (Object.keys(found).length > 0) return;
      // One id per form: a retry after a lost answer finds the first save instead of adding another.
      submissionId.current ??= globalThis.crypto.randomUUID();
      const outcome = await vault.share(account, input, mode, submissionId.current);
      setInput(blank());
      onDone(outcome);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    // autoComplete off: the browser's password manager must not offer to keep the account's password.
    <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate autoComplete="off" aria-label={format(strings.VaultShareFormLabel, account.name)}>
      <TextField label={strings.VaultUsername} required value={input.username} onChange={(_, v) => set({ username: v ?? '' })} errorMessage={problems.username} autoComplete="off" data-testid="vault-username" />
      <TextField label={strings.VaultPassword} required type="password" canRevealPassword value={input.password} onChange={(_, v) => set({ password: v ?? '' })} errorMessage={problems.password} autoComplete="new-password" data-testid="vault-password" />
      <TextField label={strings.VaultRecovery} multiline rows={2} value={input.recovery} onChange={(_, v) => set({ recovery: v ?? '' })} autoComplete="off" />
      <TextField label={strings.VaultNotes} multiline rows={2} value={input.notes} onChange={(_, v) => set({ notes: v ?? '' })} autoComplete="off" />
      <Checkbox label={strings.VaultTwoStep} checked={input.twoStepOn} onChange={(_, c) => set({ twoStepOn: !!c })} styles={{ root: { margin: '12px 0 4px' } }} />
      <Checkbox label={strings.VaultRecoveryIsOrg} checked={input.recoveryIsOrganisational} onChange={(_, c) => set({ recoveryIsOrganisational: !!c })} styles={{ root: { margin: '8px 0' } }} />
      {mode === 'shared' && <TextField label={strings.VaultRotatedOn} type="date" value={input.rotatedOn} onChange={(_, v) => set({ rotatedOn: v ?? '' })} errorMessage={problems.rotatedOn} />}
      {error !== undefined && <VaultErrorBar error={error} onRetry={() => void submit()} />}
      <div style={{ display: 'flex', gap: 8, marginTop: 12 }}>
        <PrimaryButton type="submit" text={busy ? strings.VaultSharing : strings.VaultShareSave} disabled={busy} data-testid="vault-share-save" />
        <DefaultButton text={strings.EditorConfirmCancel} onClick={() => { setInput(blank()); onCancel(); }} disabled={busy} />
      </div>
    </form>
  );
}
