import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { TextField } from '@fluentui/react/lib/TextField';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { AccountCredentialStatus, VaultService } from '../../services/vaultService';
import type { SecretPlain } from '../../domain/vault/model';
import { MIN_PASSPHRASE_LENGTH, checkPassphrase } from '../../domain/vault/passphrase';
import { ServicesContext } from '../common/ServicesContext';
import { usePolicyPage } from '../common/PolicyPageContext';
import { useAsync } from '../common/useAsync';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { format, formatDate } from '../common/format';
import { VaultErrorBar } from './VaultErrorBar';

// Comms' vault: create a key once, unlock it with the passphrase, see every account's credential
// status (shared or not, rotation due, flagged to rotate, planted), and reveal one secret at a time.
// A revealed secret hides itself after a short time; the key is forgotten on lock, on leaving the
// page, and after 10 minutes without use. Passphrases and secrets live only in component state.

/** How long a revealed secret stays on screen. */
export const HIDE_AFTER_SECONDS = 30;

export default function VaultView(): React.ReactElement {
  const services = React.useContext(ServicesContext)!;
  const { state: page } = usePolicyPage();
  const teamsAppId = page.status === 'ready' ? page.value.settings.teamsAppId : '';
  const [loaded, retry] = useAsync(async () => {
    const vault = await services.vault(teamsAppId);
    return { vault, hasKey: await vault.hasKey() };
  }, [services, teamsAppId]);
  if (loaded.status === 'loading') return <Spinner label={strings.Loading} />;
  if (loaded.status === 'error') return <ErrorBar error={loaded.error} onRetry={retry} scope="site" />;
  return <Vault vault={loaded.value.vault} initiallyHasKey={loaded.value.hasKey} />;
}

function Vault({ vault, initiallyHasKey }: { vault: VaultService; initiallyHasKey: boolean }): React.ReactElement {
  const theme = useTheme();
  const [hasKey, setHasKey] = React.useState(initiallyHasKey);
  const [created, setCreated] = React.useState(false);
  const [unlocked, setUnlocked] = React.useState(vault.isUnlocked);
  const [rewrapped, setRewrapped] = React.useState(0);
  React.useEffect(() => vault.onLockChange(setUnlocked), [vault]);
  const [overview, reloadOverview] = useAsync(() => vault.overview(), [vault, unlocked]);
  const s = mergeStyleSets({ h: { ...theme.fonts.xLarge, margin: '0 0 8px' }, sub: { ...theme.fonts.mediumPlus, fontWeight: 600, margin: '20px 0 8px' } });
  return (
    <div data-testid="vault-view">
      <h1 className={s.h}>{strings.VaultHeading}</h1>
      <p>{strings.VaultIntro}</p>
      {!hasKey && <CreateKey vault={vault} onCreated={() => { setHasKey(true); setCreated(true); }} />}
      {hasKey && created && <Notice kind="success">{strings.VaultCreated}</Notice>}
      {hasKey && !unlocked && <Unlock vault={vault} onUnlocked={(n) => { setRewrapped(n); reloadOverview(); }} />}
      {hasKey && unlocked && (
        <>
          <Notice kind="info" action={{ label: strings.VaultLock, onClick: () => vault.lock() }}>{strings.VaultUnlockedNotice}</Notice>
          {rewrapped > 0 && <Notice kind="success">{format(strings.VaultRewrapped, rewrapped)}</Notice>}
        </>
      )}
      <h2 className={s.sub}>{strings.VaultAccountsHeading}</h2>
      {overview.status === 'loading' && <Spinner label={strings.Loading} />}
      {overview.status === 'error' && <ErrorBar error={overview.error} onRetry={reloadOverview} />}
      {overview.status === 'ready' && <AccountsTable vault={vault} rows={overview.value} unlocked={unlocked} />}
    </div>
  );
}

function CreateKey({ vault, onCreated }: { vault: VaultService; onCreated(): void }): React.ReactElement {
  const [first, setFirst] = React.useState('');
  const [again, setAgain] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const checked = checkPassphrase(first);
  const length = Array.from(first.normalize('NFKC')).length;
  const strength = checked.ok ? format(strings.VaultPassphraseLongEnough, length) : format(strings.VaultPassphraseLength, length, MIN_PASSPHRASE_LENGTH);
  const submit = async (): Promise<void> => {
    setBusy(true); setError(undefined);
    try {
      await vault.createKey(first, again);
      setFirst(''); setAgain('');
      onCreated();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate aria-labelledby="smh-vault-create" data-testid="vault-create">
      <h2 id="smh-vault-create" style={{ fontSize: 16, fontWeight: 600 }}>{strings.VaultCreateHeading}</h2>
      <p>{strings.VaultCreateIntro}</p>
      <TextField label={strings.VaultPassphrase} type="password" canRevealPassword value={first} onChange={(_, v) => setFirst(v ?? '')} autoComplete="new-password" description={strength} data-testid="vault-passphrase" />
      <TextField label={strings.VaultPassphraseAgain} type="password" canRevealPassword value={again} onChange={(_, v) => setAgain(v ?? '')} autoComplete="new-password"
        description={again && again !== first ? strings.VaultPassphraseDiffers : undefined} data-testid="vault-passphrase-again" />
      {error !== undefined && <VaultErrorBar error={error} />}
      <PrimaryButton type="submit" text={busy ? strings.VaultCreating : strings.VaultCreate} disabled={busy} styles={{ root: { marginTop: 12 } }} data-testid="vault-create-submit" />
    </form>
  );
}

function Unlock({ vault, onUnlocked }: { vault: VaultService; onUnlocked(rewrapped: number): void }): React.ReactElement {
  const [passphrase, setPassphrase] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const submit = async (): Promise<void> => {
    setBusy(true); setError(undefined);
    try {
      const done = await vault.unlock(passphrase);
      setPassphrase('');
      onUnlocked(done.rewrapped);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate aria-labelledby="smh-vault-unlock" data-testid="vault-unlock">
      <h2 id="smh-vault-unlock" style={{ fontSize: 16, fontWeight: 600 }}>{strings.VaultUnlockHeading}</h2>
      <p>{strings.VaultLockedNotice}</p>
      <TextField label={strings.VaultPassphrase} type="password" canRevealPassword value={passphrase} onChange={(_, v) => setPassphrase(v ?? '')} autoComplete="current-password" data-testid="vault-unlock-passphrase" />
      {error !== undefined && <VaultErrorBar error={error} />}
      <PrimaryButton type="submit" text={busy ? strings.VaultUnlocking : strings.VaultUnlock} disabled={busy || passphrase === ''} styles={{ root: { marginTop: 12 } }} data-testid="vault-unlock-submit" />
    </form>
  );
}

function statusLines(r: AccountCredentialStatus): string[] {
  if (r.state === 'notShared') return [strings.VaultNotShared];
  return [
    format(strings.VaultShared, r.sharedBy ?? '', formatDate(r.sharedAt)),
    r.twoStepOn ? strings.VaultTwoStepOn : strings.VaultTwoStepOff,
    r.recoveryIsOrganisational ? strings.VaultRecoveryOrg : strings.VaultRecoveryNotOrg
  ];
}

function AccountsTable({ vault, rows, unlocked }: { vault: VaultService; rows: AccountCredentialStatus[]; unlocked: boolean }): React.ReactElement {
  const theme = useTheme();
  const [open, setOpen] = React.useState<number | undefined>();
  React.useEffect(() => { if (!unlocked) setOpen(undefined); }, [unlocked]);
  const s = mergeStyleSets({
    table: { borderCollapse: 'collapse', width: '100%', ...theme.fonts.medium },
    cell: { borderBottom: `1px solid ${theme.semanticColors.bodyDivider}`, padding: '8px 6px', textAlign: 'left', verticalAlign: 'top' },
    line: { margin: 0 }
  });
  return (
    <table className={s.table} data-testid="vault-accounts">
      <thead>
        <tr>
          <th className={s.cell} scope="col">{strings.VaultColAccount}</th>
          <th className={s.cell} scope="col">{strings.VaultColStatus}</th>
          <th className={s.cell} scope="col">{strings.VaultColRotation}</th>
          <th className={s.cell} scope="col">{strings.VaultColAction}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.accountId} data-account={r.accountId} data-state={r.state}>
            <th className={s.cell} scope="row">{r.name} ({r.platform})</th>
            <td className={s.cell}>
              {statusLines(r).map((l) => <p key={l} className={s.line}>{l}</p>)}
              {r.rotateBecause.length > 0 && <Notice kind="warning">{format(strings.VaultRotateFlagged, r.rotateBecause.join(', '))}</Notice>}
              {r.planted.length > 0 && <Notice kind="warning">{format(strings.VaultPlanted, [...new Set(r.planted.map((p) => p.authorName))].join(', '))}</Notice>}
            </td>
            <td className={s.cell}>{r.rotationDue ? format(r.rotationOverdue ? strings.VaultRotationOverdue : strings.VaultRotationDue, formatDate(r.rotationDue)) : ''}</td>
            <td className={s.cell}>
              {r.state === 'shared' && unlocked && !r.readable && <p className={s.line}>{strings.VaultNotForYou}</p>}
              {r.state === 'shared' && unlocked && r.readable && open !== r.accountId && (
                <DefaultButton text={strings.VaultReveal} ariaLabel={format(strings.VaultRevealLabel, r.name)} onClick={() => setOpen(r.accountId)} data-testid="vault-reveal" />
              )}
              {open === r.accountId && <Revealed vault={vault} accountId={r.accountId} onHide={() => setOpen(undefined)} />}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One secret on screen, with copy buttons, hidden again after HIDE_AFTER_SECONDS. */
function Revealed({ vault, accountId, onHide }: { vault: VaultService; accountId: number; onHide(): void }): React.ReactElement {
  const [secret, setSecret] = React.useState<SecretPlain | undefined>();
  const [error, setError] = React.useState<unknown>();
  const [copied, setCopied] = React.useState<string | undefined>();
  React.useEffect(() => {
    let live = true;
    vault.reveal(accountId).then((s) => { if (live) setSecret(s); }, (e: unknown) => { if (live) setError(e); });
    return () => { live = false; setSecret(undefined); };
  }, [vault, accountId]);
  // The latest onHide, so a re-render of the table does not restart the countdown.
  const hide = React.useRef(onHide);
  hide.current = onHide;
  React.useEffect(() => {
    if (!secret) return undefined;
    const t = setTimeout(() => hide.current(), HIDE_AFTER_SECONDS * 1000);
    return () => clearTimeout(t);
  }, [secret]);
  if (error !== undefined) return <VaultErrorBar error={error} />;
  if (!secret) return <Spinner label={strings.Loading} />;
  const copy = (label: string, text: string): void => {
    const done = navigator.clipboard?.writeText(text);
    if (!done) { setCopied(strings.VaultCopyFailed); return; }
    done.then(() => setCopied(format('{0} {1}', label, strings.VaultCopied)), () => setCopied(strings.VaultCopyFailed));
  };
  const fields: [string, string][] = [[strings.VaultUsername, secret.username], [strings.VaultPassword, secret.password], [strings.VaultRecovery, secret.recovery], [strings.VaultNotes, secret.notes]];
  return (
    <div data-testid="vault-secret">
      <dl style={{ margin: 0 }}>
        {fields.filter(([, v]) => v !== '').map(([label, value]) => (
          <div key={label} style={{ marginBottom: 6 }}>
            <dt style={{ fontWeight: 600 }}>{label}</dt>
            <dd style={{ margin: 0, display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
              <code style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }} data-field={label}>{value}</code>
              <DefaultButton text={strings.VaultCopy} ariaLabel={format(strings.VaultCopyLabel, label.toLowerCase())} onClick={() => copy(label, value)} />
            </dd>
          </div>
        ))}
      </dl>
      <p role="status">{copied ?? format(strings.VaultHidesSoon, HIDE_AFTER_SECONDS)}</p>
      <DefaultButton text={strings.VaultHide} onClick={onHide} data-testid="vault-hide" />
    </div>
  );
}
