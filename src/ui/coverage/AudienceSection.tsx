import * as React from 'react';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Dropdown, type IDropdownOption } from '@fluentui/react/lib/Dropdown';
import { ProgressIndicator } from '@fluentui/react/lib/ProgressIndicator';
import * as strings from 'SocialMediaHubWebPartStrings';
import { inDepartment, NO_DEPARTMENT, type AudienceCoverage, type CoverageRow } from '../../domain/coverage';
import type { PolicyVersion } from '../../domain/policy';
import type { AudienceLoadProgress, AudienceService, ReminderOutcome } from '../../services/audienceService';
import type { KeyPerson } from '../../services/coverageService';
import type { StoredDeliveryReport } from '../../services/ports/notificationReports';
import { retryableRecipients } from '../../services/deliveryReport';
import { useServices } from '../common/ServicesContext';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { DeliveryReportView } from '../common/DeliveryReportView';
import { format, formatDate } from '../common/format';
import { reflowTableClass } from '../common/reflowTable';
import { downloadCsv } from '../common/download';
import { RemindDialog } from './RemindDialog';

// Everyone the policy is for, after the owners and backups have painted: the directory and the
// acknowledgements are read page by page with progress, then "X of Y", who still has to confirm
// (by department), the export of both, and a Teams reminder for those who have not confirmed.

const PAGE = 50;
const ALL = '\u0000all';

interface Loaded {
  service: AudienceService;
  coverage: AudienceCoverage;
  groupName?: string;
  lastReminder?: StoredDeliveryReport;
}

export interface AudienceSectionProps {
  policy: PolicyVersion;
  keyPeople: KeyPerson[];
  teamsAppId: string;
  audienceGroupId: string;
}

function progressLabel(p: AudienceLoadProgress): string {
  const people = p.directory.total !== undefined
    ? format(strings.AudienceReadingOf, p.directory.loaded.toLocaleString('en-GB'), p.directory.total.toLocaleString('en-GB'))
    : format(strings.AudienceReading, p.directory.loaded.toLocaleString('en-GB'));
  return `${people} ${format(strings.AudienceReadingAcks, p.acknowledgements.toLocaleString('en-GB'))}`;
}

const departmentName = (name: string): string => (name === NO_DEPARTMENT ? strings.AudienceNoDepartment : name);

export function AudienceSection({ policy, keyPeople, teamsAppId, audienceGroupId }: AudienceSectionProps): React.ReactElement {
  const services = useServices();
  const theme = useTheme();
  const label = (policy.majorRelease ?? policy).label;
  const [attempt, setAttempt] = React.useState(0);
  const [progress, setProgress] = React.useState<AudienceLoadProgress>({ directory: { loaded: 0 }, acknowledgements: 0 });
  const [state, setState] = React.useState<{ status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; value: Loaded }>({ status: 'loading' });
  const [department, setDepartment] = React.useState<string | undefined>();
  const [shown, setShown] = React.useState(PAGE);
  const [confirming, setConfirming] = React.useState(false);
  const [sending, setSending] = React.useState(false);
  const [outcome, setOutcome] = React.useState<ReminderOutcome | undefined>();
  const [exportError, setExportError] = React.useState<unknown>();

  React.useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    setProgress({ directory: { loaded: 0 }, acknowledgements: 0 });
    (async () => {
      const service = await services.audience(teamsAppId);
      const [coverage, groupName, lastReminder] = await Promise.all([
        service.load(policy, audienceGroupId, keyPeople, (p) => { if (live) setProgress(p); }),
        // The group's name and the last reminder are extras: without them the figures still stand.
        service.groupName(audienceGroupId).catch(() => undefined),
        service.lastReminder(policy).catch(() => undefined)
      ]);
      return { service, coverage, groupName, lastReminder };
    })().then(
      (value) => { if (live) setState({ status: 'ready', value }); },
      (error: unknown) => { if (live) setState({ status: 'error', error }); }
    );
    return () => { live = false; };
  }, [services, teamsAppId, audienceGroupId, policy, keyPeople, attempt]);

  const s = mergeStyleSets({
    headline: { ...theme.fonts.large, fontWeight: 600, margin: '8px 0' },
    sub: { ...theme.fonts.mediumPlus, fontWeight: 600, margin: '16px 0 8px' },
    actions: { display: 'flex', flexWrap: 'wrap', gap: 8, margin: '12px 0' },
    filter: { maxWidth: 360 },
    missing: { color: theme.semanticColors.errorText, fontWeight: 600 }
  });
  const table = reflowTableClass(theme);

  const audienceLine = audienceGroupId
    ? format(strings.AudienceGroup, state.status === 'ready' && state.value.groupName ? state.value.groupName : audienceGroupId)
    : strings.AudienceEveryone;

  if (state.status === 'loading') {
    const p = progress.directory;
    return (
      <section aria-labelledby="smh-audience-heading">
        <h3 id="smh-audience-heading" className={s.sub}>{strings.AudienceHeading}</h3>
        <p>{audienceLine}</p>
        <ProgressIndicator label={strings.AudienceLoading} description={progressLabel(progress)} percentComplete={p.total ? Math.min(1, p.loaded / p.total) : undefined} />
      </section>
    );
  }
  if (state.status === 'error') {
    return (
      <section aria-labelledby="smh-audience-heading">
        <h3 id="smh-audience-heading" className={s.sub}>{strings.AudienceHeading}</h3>
        <p>{audienceLine}</p>
        <ErrorBar error={state.error} onRetry={() => setAttempt((n) => n + 1)} />
      </section>
    );
  }

  const { service, coverage, lastReminder } = state.value;
  const rows = inDepartment(coverage.rows, department);
  const pending = rows.filter((r) => !r.confirmedAt);
  const report = outcome ?? lastReminder;
  const options: IDropdownOption[] = [
    { key: ALL, text: format(strings.AudienceAllDepartments, coverage.total.toLocaleString('en-GB'), (coverage.total - coverage.confirmed).toLocaleString('en-GB')) },
    ...coverage.departments.map((d) => ({ key: d.name, text: format(strings.AudienceDepartmentOption, departmentName(d.name), d.total.toLocaleString('en-GB'), d.pending.toLocaleString('en-GB')) }))
  ];

  const remind = async (people: CoverageRow[], retryOf?: StoredDeliveryReport | ReminderOutcome): Promise<void> => {
    setConfirming(false);
    setSending(true);
    try {
      setOutcome(await service.remind(policy, people, retryOf));
    } finally {
      setSending(false);
    }
  };
  const retry = (): void => {
    if (!report) return;
    const again = new Set(retryableRecipients(report).map((r) => r.toLowerCase()));
    void remind(coverage.rows.filter((r) => again.has(r.id.toLowerCase())), report);
  };
  const exportCsv = (): void => {
    setExportError(undefined);
    try {
      downloadCsv(`policy-${label}-confirmations.csv`, service.csv(policy, coverage));
    } catch (e) {
      setExportError(e);
    }
  };
  const remindText = department === undefined
    ? format(pending.length === 1 ? strings.AudienceRemindOne : strings.AudienceRemindMany, pending.length.toLocaleString('en-GB'))
    : format(pending.length === 1 ? strings.AudienceRemindDeptOne : strings.AudienceRemindDeptMany, pending.length.toLocaleString('en-GB'), departmentName(department));

  return (
    <section aria-labelledby="smh-audience-heading">
      <h3 id="smh-audience-heading" className={s.sub}>{strings.AudienceHeading}</h3>
      <p>{audienceLine}</p>
      {coverage.total === 0 ? <Notice kind="warning">{strings.AudienceEmpty}</Notice> : (
        <p className={s.headline} data-testid="audience-coverage">
          {format(strings.AudienceFigure, coverage.confirmed.toLocaleString('en-GB'), coverage.total.toLocaleString('en-GB'), coverage.percent, label)}
        </p>
      )}
      {coverage.outside.length > 0 && <p>{format(strings.AudienceOutside, coverage.outside.length.toLocaleString('en-GB'))}</p>}
      {coverage.total > 0 && (
        <>
          <Dropdown
            className={s.filter} label={strings.AudienceDepartment} options={options} selectedKey={department ?? ALL}
            onChange={(_, o) => { setDepartment(o && o.key !== ALL ? String(o.key) : undefined); setShown(PAGE); }}
          />
          <h4 className={s.sub}>{format(strings.AudiencePendingHeading, pending.length.toLocaleString('en-GB'))}</h4>
          {pending.length === 0 ? <Notice kind="success">{strings.AudienceNonePending}</Notice> : (
            <>
              <table className={table} data-testid="audience-pending" role="table">
                <thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">{strings.CoverageColName}</th><th scope="col" role="columnheader">{strings.AudienceColDepartment}</th><th scope="col" role="columnheader">{strings.CoverageColRole}</th></tr></thead>
                <tbody role="rowgroup">
                  {pending.slice(0, shown).map((p) => (
                    <tr key={p.id} role="row">
                      <td role="cell" data-label={strings.CoverageColName}><div>{p.name}<br /><small>{p.mail ?? p.upn}</small></div></td>
                      <td role="cell" data-label={strings.AudienceColDepartment}><div>{p.department ?? strings.AudienceNoDepartment}</div></td>
                      <td role="cell" data-label={strings.CoverageColRole}><div>{p.roles.length ? p.roles.map((r) => (r === 'owner' ? strings.CoverageOwner : strings.CoverageBackup)).join(', ') : strings.AudienceStaff}</div></td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {pending.length > shown && (
                <DefaultButton text={format(strings.AudienceShowMore, Math.min(PAGE, pending.length - shown).toLocaleString('en-GB'), (pending.length - shown).toLocaleString('en-GB'))} onClick={() => setShown((n) => n + PAGE)} />
              )}
            </>
          )}
          <div className={s.actions}>
            {pending.length > 0 && <PrimaryButton text={sending ? strings.AudienceReminding : remindText} onClick={() => setConfirming(true)} disabled={sending} />}
            <DefaultButton text={strings.AudienceExport} onClick={exportCsv} />
          </div>
          {exportError !== undefined && <ErrorBar error={exportError} onRetry={exportCsv} />}
        </>
      )}
      {report && (
        <section aria-labelledby="smh-reminder-heading">
          <h4 id="smh-reminder-heading" className={s.sub}>
            {'at' in report && !outcome ? format(strings.ReminderLastHeading, formatDate(report.at), report.by ?? '') : strings.ReminderHeading}
          </h4>
          <DeliveryReportView report={report} onRetry={retry} retrying={sending} summaryTemplate={strings.ReminderSummary} noneText={strings.AudienceNonePending} testId="reminder-report" />
          {outcome?.problem && <ErrorBar error={outcome.problem} />}
        </section>
      )}
      <RemindDialog open={confirming} count={pending.length} label={label} onConfirm={() => void remind(pending)} onCancel={() => setConfirming(false)} />
    </section>
  );
}
