import * as React from 'react';
import * as strings from 'SocialMediaHubWebPartStrings';
import { isVaultError, type VaultErrorKind } from '../../domain/vault/errors';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';

// A vault failure as a sentence: a changed secret is reported, never shown as garbage.

const MESSAGES: Partial<Record<VaultErrorKind, () => string>> = {
  tampered: () => strings.VaultErrorTampered,
  wrongPassphrase: () => strings.VaultErrorWrongPassphrase,
  notForYou: () => strings.VaultErrorNotForYou,
  locked: () => strings.VaultErrorLocked,
  noRecipients: () => strings.VaultErrorNoRecipients
};

export function VaultErrorBar({ error, onRetry }: { error: unknown; onRetry?: () => void }): React.ReactElement {
  if (isVaultError(error)) {
    const text = MESSAGES[error.kind]?.() ?? error.message;
    return <div data-testid="vault-error" data-kind={error.kind}><Notice kind={error.kind === 'tampered' ? 'error' : 'warning'} urgent>{text}</Notice></div>;
  }
  return <ErrorBar error={error} onRetry={onRetry} />;
}
