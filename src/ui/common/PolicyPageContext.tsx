import * as React from 'react';
import type { AsyncState } from './useAsync';
import type { PolicyPage } from '../../services/policyService';

// The policy in force and the person's acknowledgement of it, loaded once for the whole app: the
// banner on every view and the policy view read the same state, so acknowledging removes the
// banner everywhere at once.

export interface PolicyPageState {
  state: AsyncState<PolicyPage>;
  reload(): void;
  /** Replaces the loaded page (after acknowledging or publishing). */
  update(page: PolicyPage): void;
}

export const PolicyPageContext = React.createContext<PolicyPageState | undefined>(undefined);

export function usePolicyPage(): PolicyPageState {
  const value = React.useContext(PolicyPageContext);
  if (!value) throw new Error('usePolicyPage() used outside <App>');
  return value;
}
