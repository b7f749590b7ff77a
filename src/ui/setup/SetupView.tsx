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
import { Notice } from '../common/Notice';
import { Link } from '@fluentui/react/lib/Link';
import { FEATURES_IN_THIS_BUILD, isShown, type FeatureSwitches, type HubFeature } from '../../domain/policy/features';
import { nextStepsOf, summaryOf } from './setupSummary';

type Field = keyof SettingsInput;
// Settings of features still to come (emergency announcements, the vault's rotation, monthly reports)
// stay in the settings model with their defaults, but set-up asks for them only once the feature
// ships: the same switches that decide which parts of the default policy show.
const FIELDS: { key: Field; label: string; feature?: HubFeature }[] = [
  { key: 'organisationName', label: strings.SetupOrganisation },
  { key: 'commsHeadName', label: strings.SetupCommsHead },
  { key: 'teamsAppId', label: strings.SetupTeamsAppId },
  { key: 'audienceGroupId', label: strings.SetupAudienceGroup },
  { key: 'announcementTeamId', label: strings.SetupTeamId, feature: 'emergencyRoles' },
  { key: 'announcementChannelId', label: strings.SetupChannelId, feature: 'emergencyRoles' },
  { key: 'rotationDays', label: strings.SetupRotationDays, feature: 'vault' },
  { key: 'reportDay', label: strings.SetupReportDay, feature: 'reports' }
];

function toInput(s: HubSettings): SettingsInput {
  return { ...s, rotationDays: String(s.rotationDays), reportDay: String(s.reportDay) };
}

function toSettings(i: SettingsInput, shown: ReadonlySet<Field>): Partial<HubSettings> {
  const all: HubSettings = {
    organisationName: i.organisationName.trim(), commsHeadName: i.commsHeadName.trim(), teamsAppId: i.teamsAppId.trim(), audienceGroupId: i.audienceGroupId.trim(),
    announcementTeamId: i.announcementTeamId.trim(), announcementChannelId: i.announcementChannelId.trim(),
    rotationDays: Number(i.rotationDays), reportDay: Number(i.reportDay)
  };
  // A setting the form did not show is left exactly as it is stored.
  return Object.fromEntries((Object.keys(all) as Field[]).filter((k) => shown.has(k)).map((k) => [k, all[k]])) as Partial<HubSettings>;
}

interface Loaded {
  service: SetupService;
  allowed: boolean;
  settings: HubSettings;
}

export default function SetupView({ features = FEATURES_IN_THIS_BUILD }: { features?: FeatureSwitches }): React.ReactElement {
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
  return <SetupForm service={state.value.service} initial={toInput(state.value.settings)} features={features} />;
}

function SetupForm({ service, initial, features }: { service: SetupService; initial: SettingsInput; features: FeatureSwitches }): React.ReactElement {
  const fields = FIELDS.filter((f) => isShown(f, features));
  const shown = new Set(fields.map((f) => f.key));
  const { reload: reloadPolicyPage } = usePolicyPage();
  const [input, setInput] = React.useState(initial);
  const [touched, setTouched] = React.useState(false);
  const [progress, setProgress] = React.useState<SetupProgress | undefined>();
  const [report, setReport] = React.useState<SetupReport | undefined>();
  const [error, setError] = React.useState<unknown>();
  // Only what the form shows can be fixed in it; a hidden setting keeps its stored value.
  const errors = Object.fromEntries(Object.entries(validateSettings(input)).filter(([k]) => shown.has(k as Field)));
  const valid = Object.keys(errors).length === 0;

  const run = async (): Promise<void> => {
    setTouched(true);
    if (!valid) return;
    setError(undefined);
    setReport(undefined);
    setProgress({ done: 0, planned: 0 });
    try {
      setReport(await service.run(toSettings(input, shown), setProgress));
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
        {fields.map((f) => (
          <TextField
            key={f.key}
            label={f.label}
            value={input[f.key]}
            onChange={(_, v) => setInput({ ...input, [f.key]: v ?? '' })}
            errorMessage={touched ? errors[f.key as string] : undefined}
            description={f.key === 'commsHeadName' ? strings.SetupNamesHelp : f.key === 'audienceGroupId' ? strings.SetupAudienceGroupHelp : undefined}
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
      {report && <SetupResult report={report} />}
    </section>
  );
}

/** The first run in a few words with next steps; the technical list folded away. A second run says it changed nothing. */
export function SetupResult({ report }: { report: SetupReport }): React.ReactElement {
  const steps = nextStepsOf(report.manage);
  return (
    <div data-setup-result>
      {report.changes.length === 0 ? (
        <Notice kind="success">{strings.SetupUpToDate}</Notice>
      ) : (
        <>
          <Notice kind="success">
            <strong>{strings.SetupDone}</strong> {summaryOf(report.counts)}.
          </Notice>
          <h3 id="smh-setup-next">{strings.SetupNextSteps}</h3>
          <ol aria-labelledby="smh-setup-next">
            {steps.map((s) => (
              <li key={s.link.href} style={{ marginBottom: 8 }}>
                {s.text}{' '}
                <Link href={s.link.href} target="_blank" rel="noopener noreferrer" underline>{s.link.label}</Link>
              </li>
            ))}
          </ol>
          <details>
            <summary>{format(strings.SetupDetail, report.changes.length)}</summary>
            <ul>{report.changes.map((c, i) => <li key={i}>{c}</li>)}</ul>
          </details>
        </>
      )}
      {report.notices.length > 0 && (
        // What set-up left alone on purpose (e.g. a retired list kept with its items): the provisioner's own sentences.
        <Notice kind="info">
          <strong>{strings.SetupNotices}</strong>
          <ul>{report.notices.map((n, i) => <li key={i}>{n}</li>)}</ul>
        </Notice>
      )}
    </div>
  );
}
