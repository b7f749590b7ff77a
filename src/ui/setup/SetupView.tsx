import * as React from 'react';
import { TextField } from '@fluentui/react/lib/TextField';
import { PrimaryButton } from '@fluentui/react/lib/Button';
import { ProgressIndicator } from '@fluentui/react/lib/ProgressIndicator';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner } from '@fluentui/react/lib/Spinner';
import * as strings from 'SocialMediaHubWebPartStrings';
import { validateSettings, type SettingsInput } from '../../domain/settings';
import type { SetupProgress, SetupReport, SetupService } from '../../services/setupService';
import type { HubSettings } from '../../services/ports/settings';
import { useServices } from '../common/ServicesContext';
import { usePolicyPage } from '../common/PolicyPageContext';
import { useAsync } from '../common/useAsync';
import { ErrorBar } from '../common/ErrorBar';
import { format } from '../common/format';

type Field = keyof SettingsInput;
const FIELDS: { key: Field; label: string }[] = [
  { key: 'organisationName', label: strings.SetupOrganisation },
  { key: 'commsHeadName', label: strings.SetupCommsHead },
  { key: 'teamsAppId', label: strings.SetupTeamsAppId },
  { key: 'announcementTeamId', label: strings.SetupTeamId },
  { key: 'announcementChannelId', label: strings.SetupChannelId },
  { key: 'rotationDays', label: strings.SetupRotationDays },
  { key: 'reportDay', label: strings.SetupReportDay }
];

function toInput(s: HubSettings): SettingsInput {
  return { ...s, rotationDays: String(s.rotationDays), reportDay: String(s.reportDay) };
}

function toSettings(i: SettingsInput): Partial<HubSettings> {
  return {
    organisationName: i.organisationName.trim(), commsHeadName: i.commsHeadName.trim(), teamsAppId: i.teamsAppId.trim(),
    announcementTeamId: i.announcementTeamId.trim(), announcementChannelId: i.announcementChannelId.trim(),
    rotationDays: Number(i.rotationDays), reportDay: Number(i.reportDay)
  };
}

interface Loaded {
  service: SetupService;
  allowed: boolean;
  settings: HubSettings;
}

export default function SetupView(): React.ReactElement {
  const services = useServices();
  const [state, reload] = useAsync<Loaded>(async () => {
    const service = await services.setup();
    const allowed = await service.canRun();
    // Before the first set-up the settings list does not exist yet: start from the defaults.
    const settings = await services.policy.loadPage().then((p) => p.settings, () => undefined);
    const { DEFAULT_SETTINGS } = await import('../../services/ports/settings');
    return { service, allowed, settings: settings ?? DEFAULT_SETTINGS };
  }, [services]);
  if (state.status === 'loading') return <Spinner label={strings.Loading} />;
  if (state.status === 'error') return <ErrorBar error={state.error} onRetry={reload} />;
  if (!state.value.allowed) return <MessageBar messageBarType={MessageBarType.warning}>{strings.SetupForbidden}</MessageBar>;
  return <SetupForm service={state.value.service} initial={toInput(state.value.settings)} />;
}

function SetupForm({ service, initial }: { service: SetupService; initial: SettingsInput }): React.ReactElement {
  const { reload: reloadPolicyPage } = usePolicyPage();
  const [input, setInput] = React.useState(initial);
  const [touched, setTouched] = React.useState(false);
  const [progress, setProgress] = React.useState<SetupProgress | undefined>();
  const [report, setReport] = React.useState<SetupReport | undefined>();
  const [error, setError] = React.useState<unknown>();
  const errors = validateSettings(input);
  const valid = Object.keys(errors).length === 0;

  const run = async (): Promise<void> => {
    setTouched(true);
    if (!valid) return;
    setError(undefined);
    setReport(undefined);
    setProgress({ done: 0, planned: 0 });
    try {
      setReport(await service.run(toSettings(input), setProgress));
      // The rest of the app (policy, tabs, names) reads what set-up just created.
      reloadPolicyPage();
    } catch (e) {
      setError(e);
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <section aria-labelledby="smh-setup-heading" style={{ maxWidth: 640 }}>
      <h2 id="smh-setup-heading">{strings.SetupHeading}</h2>
      <p>{strings.SetupIntro}</p>
      <form onSubmit={(e) => { e.preventDefault(); void run(); }} noValidate>
        {FIELDS.map((f) => (
          <TextField
            key={f.key}
            label={f.label}
            value={input[f.key]}
            onChange={(_, v) => setInput({ ...input, [f.key]: v ?? '' })}
            errorMessage={touched ? errors[f.key] : undefined}
            description={f.key === 'commsHeadName' ? strings.SetupNamesHelp : undefined}
            disabled={!!progress}
          />
        ))}
        <div style={{ marginTop: 16 }}>
          <PrimaryButton type="submit" disabled={!!progress} text={strings.SetupRun} />
        </div>
      </form>
      {progress && (
        <ProgressIndicator
          label={progress.current ? format(strings.SetupRunning, progress.done + 1, Math.max(progress.planned, progress.done + 1), progress.current) : strings.Loading}
          percentComplete={progress.planned > 0 ? progress.done / progress.planned : undefined}
        />
      )}
      {error !== undefined && <ErrorBar error={error} onRetry={() => void run()} />}
      {report && (
        <MessageBar messageBarType={MessageBarType.success} isMultiline>
          {report.changes.length === 0 ? strings.SetupUpToDate : format(strings.SetupDoneChanges, report.changes.length)}
          {report.changes.length > 0 && (
            <details><summary>{strings.SetupChanges}</summary><ul>{report.changes.map((c, i) => <li key={i}>{c}</li>)}</ul></details>
          )}
        </MessageBar>
      )}
      {report && report.notices.length > 0 && (
        // What set-up left alone on purpose (e.g. a retired list kept with its items): the provisioner's own sentences.
        <MessageBar messageBarType={MessageBarType.info} isMultiline>
          <ul>{report.notices.map((n, i) => <li key={i}>{n}</li>)}</ul>
        </MessageBar>
      )}
    </section>
  );
}
