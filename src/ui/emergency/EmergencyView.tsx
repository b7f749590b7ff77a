import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { useTheme } from '@fluentui/react/lib/Theme';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { EmergencyRole } from '../../domain/emergency';
import type { EmergencyPlan, EmergencyPlanService } from '../../services/emergencyPlanService';
import type { LoggedActivation } from '../../services/ports/emergency';
import { useServices } from '../common/ServicesContext';
import { usePolicyPage } from '../common/PolicyPageContext';
import { useAsync } from '../common/useAsync';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { format } from '../common/format';
import { reflowTableClass } from '../common/reflowTable';
import { RoleForm } from './RoleForm';
import { AnnouncePanel, ActivationLogView } from './AnnouncePanel';
import { warningText } from './warningText';

// The emergency plan (PRODUCT.md C8) for everyone: who holds each social media role, who covers, and
// which accounts each looks after, with what needs putting right. Comms edit the roles and announce
// them; everyone else reads. Hiding the buttons is tidiness: SharePoint refuses anyone else's writes.

const CARD_TEXT = {
  title: strings.EmergencyCardTitle, intro: strings.EmergencyCardIntro, person: strings.EmergencyColPerson, backup: strings.EmergencyColBackup,
  accounts: strings.EmergencyColAccounts, none: strings.EmergencyNobody, noAccounts: strings.EmergencyNoAccounts
};

interface Loaded { service: EmergencyPlanService; plan: EmergencyPlan }

export default function EmergencyView(): React.ReactElement {
  const services = useServices();
  const theme = useTheme();
  const { state: page } = usePolicyPage();
  const settings = page.status === 'ready' ? page.value.settings : undefined;
  const teamsAppId = settings?.teamsAppId ?? '';
  const teamId = settings?.announcementTeamId ?? '';
  const channelId = settings?.announcementChannelId ?? '';
  const [editing, setEditing] = React.useState<EmergencyRole | 'new' | undefined>();
  const [state, reload] = useAsync<Loaded>(async () => {
    const service = await services.emergency(teamsAppId, { teamId, channelId }, CARD_TEXT);
    return { service, plan: await service.load() };
  }, [services, teamsAppId, teamId, channelId]);
  // The log is read on its own, so an announcement can refresh it without redrawing its outcome.
  const [log, reloadLog] = useAsync<LoggedActivation[] | undefined>(
    async () => (await services.emergency(teamsAppId, { teamId, channelId }, CARD_TEXT)).history(), [services, teamsAppId, teamId, channelId]);

  if (state.status === 'loading') return <Spinner label={strings.Loading} />;
  if (state.status === 'error') return <ErrorBar error={state.error} onRetry={reload} scope="site" />;
  const { service, plan } = state.value;
  const names = new Map(plan.accounts.map((a) => [a.id, a.name]));
  const table = reflowTableClass(theme);
  const saved = (): void => { setEditing(undefined); reload(); };

  return (
    <section aria-labelledby="smh-emergency-heading" data-testid="emergency">
      <h2 id="smh-emergency-heading" className={mergeStyleSets({ h: { ...theme.fonts.large, fontWeight: 600, margin: '0 0 8px' } }).h}>{strings.EmergencyHeading}</h2>
      <p>{strings.EmergencyIntro}</p>
      {!plan.canEdit && <p>{strings.EmergencyReadOnly}</p>}

      <h3>{strings.EmergencyWarningsHeading}</h3>
      {plan.directoryProblem && <Notice kind="warning">{format(strings.EmergencyDirectoryUnknown, plan.directoryProblem.message)}</Notice>}
      {plan.warnings.length === 0
        ? <Notice kind="success">{strings.EmergencyNoWarnings}</Notice>
        : <ul data-testid="emergency-warnings">{plan.warnings.map((w, i) => <li key={i}>{warningText(w)}</li>)}</ul>}

      {editing && (
        <RoleForm key={editing === 'new' ? 'new' : `${editing.id}-${editing.role}`} service={service} start={editing === 'new' ? undefined : editing}
          roles={plan.roles} accounts={plan.accounts} onSaved={saved} onCancel={() => setEditing(undefined)} />
      )}
      <table className={table} data-testid="emergency-roles">
        <thead>
          <tr>
            <th scope="col">{strings.EmergencyColRole}</th><th scope="col">{strings.EmergencyColPerson}</th><th scope="col">{strings.EmergencyColBackup}</th>
            <th scope="col">{strings.EmergencyColAccounts}</th>{plan.canEdit && <th scope="col">{strings.EmergencyColChange}</th>}
          </tr>
        </thead>
        <tbody>
          {plan.roles.map((r) => (
            <tr key={`${r.id}-${r.role}`}>
              <th scope="row" data-label={strings.EmergencyColRole}>{r.role}</th>
              <td data-label={strings.EmergencyColPerson}>{r.person?.name ?? strings.EmergencyNobody}</td>
              <td data-label={strings.EmergencyColBackup}>{r.backup?.name ?? strings.EmergencyNobody}</td>
              <td data-label={strings.EmergencyColAccounts}>{r.accounts.length ? r.accounts.map((id) => names.get(id) ?? `#${id}`).join(', ') : strings.EmergencyNoAccounts}</td>
              {plan.canEdit && (
                <td data-label={strings.EmergencyColChange}>
                  <DefaultButton text={strings.EmergencyEdit} ariaLabel={format(strings.EmergencyEditLabel, r.role)} onClick={() => setEditing(r)} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {plan.canEdit && <DefaultButton text={strings.EmergencyAddRole} onClick={() => setEditing('new')} style={{ marginTop: 8 }} data-testid="emergency-add" />}

      {plan.canEdit && <AnnouncePanel service={service} plan={plan} onAnnounced={reloadLog} />}
      {log.status === 'error' && <ErrorBar error={log.error} onRetry={reloadLog} />}
      {log.status === 'ready' && log.value && <ActivationLogView entries={log.value} service={plan.canEdit ? service : undefined} onRetried={reloadLog} />}
    </section>
  );
}
