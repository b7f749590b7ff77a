import * as React from 'react';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import { pageWithVersion, type PolicyPage } from '../../services/policyService';
import { useServices } from '../common/ServicesContext';
import { useAsync } from '../common/useAsync';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { format } from '../common/format';
import { PolicyContentView } from '../policy/PolicyView';
import { historyStyles } from './historyStyles';

/** One earlier version as staff read it then, with the names it had. */
export function VersionReader({ page, id, onClose }: { page: PolicyPage; id: number; onClose(): void }): React.ReactElement {
  const s = historyStyles(useTheme());
  const services = useServices();
  const [state, retry] = useAsync(() => services.policy.getVersion(id), [services, id]);
  const inForce = page.policy?.id === id;
  return (
    <section className={s.panel} aria-label={strings.HistoryReading}>
      <div className={s.panelBar}>
        <h3 className={s.panelTitle}>{state.status === 'ready' ? format(strings.HistoryReadingVersion, state.value.label) : strings.HistoryReading}</h3>
        <DefaultButton text={strings.HistoryClose} onClick={onClose} />
      </div>
      {state.status === 'loading' && <Spinner label={strings.Loading} />}
      {state.status === 'error' && <ErrorBar error={state.error} onRetry={retry} />}
      {state.status === 'ready' && (
        <>
          {!inForce && <Notice kind="info">{format(strings.HistoryNotInForce, state.value.label, page.policy?.label ?? '')}</Notice>}
          <PolicyContentView page={pageWithVersion(page, state.value)} />
        </>
      )}
    </section>
  );
}
