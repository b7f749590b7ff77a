import * as React from 'react';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import { Spinner } from '@fluentui/react/lib/Spinner';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { PolicyVersion } from '../../domain/policy';
import type { CoverageService, KeyPerson } from '../../services/coverageService';
import { useServices } from '../common/ServicesContext';
import { usePolicyPage } from '../common/PolicyPageContext';
import { useAsync } from '../common/useAsync';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { format, formatDate } from '../common/format';
import { DeliveryStatus } from './DeliveryStatus';
import { AudienceSection } from './AudienceSection';
import { reflowTableClass } from '../common/reflowTable';

// Comms' view of acknowledgements. Owners and backups are answered first (one batched query for
// just them, the first paint); everyone the policy is for loads after, with progress.

interface Loaded {
  service: CoverageService;
  keyPeople: KeyPerson[];
}

export default function CoverageView(): React.ReactElement {
  const { state: pageState, reload } = usePolicyPage();
  if (pageState.status === 'loading') return <Spinner label={strings.Loading} />;
  if (pageState.status === 'error') return <ErrorBar error={pageState.error} onRetry={reload} scope="site" />;
  if (!pageState.value.policy) return <Notice kind="info">{strings.PolicyMissing}</Notice>;
  const { teamsAppId, audienceGroupId } = pageState.value.settings;
  return <Coverage policy={pageState.value.policy} teamsAppId={teamsAppId} audienceGroupId={audienceGroupId} />;
}

function Coverage({ policy, teamsAppId, audienceGroupId }: { policy: PolicyVersion; teamsAppId: string; audienceGroupId: string }): React.ReactElement {
  const services = useServices();
  const theme = useTheme();
  const [state, reload] = useAsync<Loaded>(async () => {
    const service = await services.coverage();
    return { service, keyPeople: await service.keyPeople(policy) };
  }, [services, policy.id]);
  const s = mergeStyleSets({
    missing: { color: theme.semanticColors.errorText, fontWeight: 600 },
    heading: { ...theme.fonts.large, fontWeight: 600, margin: '0 0 8px' },
    sub: { ...theme.fonts.mediumPlus, fontWeight: 600, margin: '16px 0 8px' }
  });

  const table = reflowTableClass(theme);

  if (state.status === 'loading') return <Spinner label={strings.Loading} />;
  if (state.status === 'error') return <ErrorBar error={state.error} onRetry={reload} />;
  const { keyPeople } = state.value;
  const done = keyPeople.filter((p) => p.acknowledgedAt).length;
  return (
    <section aria-labelledby="smh-coverage-heading">
      <h2 id="smh-coverage-heading" className={s.heading}>{format(strings.CoverageHeading, policy.label)}</h2>
      <h3 className={s.sub}>{strings.CoverageKeyPeople}</h3>
      {keyPeople.length === 0 ? <Notice kind="info">{strings.CoverageNoKeyPeople}</Notice> : (
        <>
          <p data-testid="key-people-summary">{format(strings.CoverageKeyPeopleSummary, done, keyPeople.length, policy.label)}</p>
          {/* Explicit roles: a row drawn as a card (display: block) must still read as a table row. */}
          <table className={table} data-testid="key-people" role="table">
            <thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">{strings.CoverageColName}</th><th scope="col" role="columnheader">{strings.CoverageColRole}</th><th scope="col" role="columnheader">{strings.CoverageColAccounts}</th><th scope="col" role="columnheader">{strings.CoverageColStatus}</th></tr></thead>
            <tbody role="rowgroup">
              {keyPeople.map((p) => (
                <tr key={p.userId} role="row">
                  <td role="cell" data-label={strings.CoverageColName}><div>{p.name}<br /><small>{p.email}</small></div></td>
                  <td role="cell" data-label={strings.CoverageColRole}><div>{p.roles.map((r) => (r === 'owner' ? strings.CoverageOwner : strings.CoverageBackup)).join(', ')}</div></td>
                  <td role="cell" data-label={strings.CoverageColAccounts}><div>{p.accounts.join(', ')}</div></td>
                  <td role="cell" data-label={strings.CoverageColStatus}><div>{p.acknowledgedAt ? formatDate(p.acknowledgedAt) : <span className={s.missing}>{strings.CoverageNotYet}</span>}</div></td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <AudienceSection policy={policy} keyPeople={keyPeople} teamsAppId={teamsAppId} audienceGroupId={audienceGroupId} />
      <DeliveryStatus policy={policy} />
    </section>
  );
}
