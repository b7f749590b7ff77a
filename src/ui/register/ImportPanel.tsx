import * as React from 'react';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { ProgressIndicator } from '@fluentui/react/lib/ProgressIndicator';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { ImportOutcome, ImportPlan, RegisterImportService } from '../../services/registerImportService';
import { Notice } from '../common/Notice';
import { ErrorBar } from '../common/ErrorBar';
import { format } from '../common/format';
import { reflowTableClass } from '../common/reflowTable';

// Comms bring an existing register in from a CSV file: choose or drop it, read the preview (each row
// with what it becomes, and a report of every problem by row and column), then import. Nothing is
// written while a row has a problem, unless comms deliberately import the good rows only. The plan
// (rows and their client-made ids) lives in the register view for the session, so Retry after a
// failure carries on the same run and loses nothing.

/** Rows shown in the preview table; the problem report is always whole. */
const PREVIEW_ROWS = 200;

export type ImportState =
  | { step: 'choose' }
  | { step: 'reading'; fileName: string }
  | { step: 'unreadable'; fileName: string; message: string }
  | { step: 'preview'; plan: ImportPlan }
  | { step: 'writing'; plan: ImportPlan; goodRowsOnly: boolean; done: number; total: number }
  | { step: 'finished'; plan: ImportPlan; goodRowsOnly: boolean; outcome: ImportOutcome };

export function ImportPanelBody(props: {
  service: RegisterImportService;
  state: ImportState;
  setState: (s: ImportState) => void;
  onImported: () => void;
  onClose: () => void;
}): React.ReactElement {
  const { service, state, setState } = props;
  const theme = useTheme();
  const [error, setError] = React.useState<unknown>();
  const s = mergeStyleSets({
    drop: { border: `2px dashed ${theme.semanticColors.bodyDivider}`, borderRadius: 4, padding: 16, margin: '12px 0' },
    actions: { display: 'flex', flexWrap: 'wrap', gap: 8, margin: '12px 0' },
    subtle: { color: theme.semanticColors.bodySubtext },
    list: { margin: '4px 0 12px', paddingLeft: 20 },
    // The panel's title is the page's first heading inside it: this one comes next.
    previewHeading: { ...theme.fonts.mediumPlus, fontWeight: 600, margin: '0 0 8px' }
  });
  const table = reflowTableClass(theme);

  const read = async (file: File): Promise<void> => {
    setError(undefined);
    setState({ step: 'reading', fileName: file.name });
    try {
      const preview = await service.preview(await file.text(), file.name);
      setState(preview.kind === 'plan' ? { step: 'preview', plan: preview.plan } : { step: 'unreadable', fileName: file.name, message: preview.message });
    } catch (e) {
      setError(e);
      setState({ step: 'choose' });
    }
  };

  const run = async (plan: ImportPlan, goodRowsOnly: boolean): Promise<void> => {
    setState({ step: 'writing', plan, goodRowsOnly, done: 0, total: plan.rows.length });
    const outcome = await service.run(plan, { goodRowsOnly }, (done, total) => setState({ step: 'writing', plan, goodRowsOnly, done, total }));
    setState({ step: 'finished', plan, goodRowsOnly, outcome });
    if (outcome.kind === 'imported') props.onImported();
  };

  const chooser = (
    <div className={s.drop} data-testid="import-drop" onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => { e.preventDefault(); const f = e.dataTransfer.files[0]; if (f) void read(f); }}>
      <label htmlFor="smh-import-file">{strings.RegisterImportChoose}</label>
      <div><input id="smh-import-file" type="file" accept=".csv,text/csv" data-testid="import-file"
        onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void read(f); }} /></div>
      <p className={s.subtle}>{strings.RegisterImportDropHint}</p>
    </div>
  );

  if (state.step === 'choose' || state.step === 'unreadable') {
    return (
      <div data-testid="import-panel-body">
        <p>{strings.RegisterImportIntro}</p>
        {state.step === 'unreadable' && <Notice kind="error">{format(strings.RegisterImportUnreadable, state.fileName, state.message)}</Notice>}
        {error !== undefined && <ErrorBar error={error} />}
        {chooser}
      </div>
    );
  }
  if (state.step === 'reading') return <Spinner label={format(strings.RegisterImportReading, state.fileName)} />;

  const plan = state.plan;
  const rowsWithProblems = new Set(plan.problems.map((p) => p.row)).size;
  const good = plan.rows.length;
  const ignored = plan.columns.filter((c) => !c.field);
  const owners = new Map(plan.rows.map((r) => [r.row, r]));

  if (state.step === 'writing') {
    return (
      <div data-testid="import-writing">
        <ProgressIndicator label={format(strings.RegisterImportWriting, plan.fileName)} description={format(strings.RegisterImportProgress, state.done.toLocaleString('en-GB'), state.total.toLocaleString('en-GB'))}
          percentComplete={state.total ? state.done / state.total : undefined} />
      </div>
    );
  }
  if (state.step === 'finished') {
    const o = state.outcome;
    return (
      <div data-testid="import-finished">
        {o.kind === 'imported' && <Notice kind="success"><span data-testid="import-done">{format(o.count === 1 ? strings.RegisterImportDoneOne : strings.RegisterImportDone, o.count.toLocaleString('en-GB'))}</span></Notice>}
        {o.kind === 'failed' && (
          <Notice kind="error">
            <span data-testid="import-failed">{format(strings.RegisterImportFailed, o.message)}</span>
          </Notice>
        )}
        {o.kind === 'refused' && <Notice kind="warning">{strings.RegisterImportNothingWritten}</Notice>}
        <div className={s.actions}>
          {o.kind === 'failed' && <PrimaryButton text={strings.RegisterImportRetry} onClick={() => void run(plan, state.goodRowsOnly)} data-testid="import-retry" />}
          {o.kind !== 'failed' && <DefaultButton text={strings.RegisterImportAnother} onClick={() => setState({ step: 'choose' })} />}
          <DefaultButton text={strings.RegisterImportClose} onClick={props.onClose} />
        </div>
      </div>
    );
  }

  return (
    <div data-testid="import-preview">
      <h2 className={s.previewHeading}>{format(strings.RegisterImportPreviewOf, plan.fileName)}</h2>
      <p data-testid="import-summary" aria-live="polite">{format(strings.RegisterImportSummary, plan.sheetRows.length.toLocaleString('en-GB'), good.toLocaleString('en-GB'), rowsWithProblems.toLocaleString('en-GB'))}</p>
      {ignored.length > 0 && (
        <>
          <p>{strings.RegisterImportIgnored}</p>
          <ul className={s.list} data-testid="import-ignored">{ignored.map((c, i) => <li key={i}>{format(strings.RegisterImportIgnoredColumn, c.header, c.ignoredBecause ?? '')}</li>)}</ul>
        </>
      )}
      {plan.problems.length > 0 && (
        <>
          <Notice kind="warning">{strings.RegisterImportHasProblems}</Notice>
          <table className={table} role="table" data-testid="import-problems" aria-label={strings.RegisterImportProblemsLabel}>
            <thead role="rowgroup"><tr role="row">
              <th scope="col" role="columnheader">{strings.RegisterImportColRow}</th>
              <th scope="col" role="columnheader">{strings.RegisterImportColColumn}</th>
              <th scope="col" role="columnheader">{strings.RegisterImportColProblem}</th>
            </tr></thead>
            <tbody role="rowgroup">
              {plan.problems.map((p, i) => (
                <tr role="row" key={i}>
                  <td role="cell" data-label={strings.RegisterImportColRow}><div>{p.row}</div></td>
                  <td role="cell" data-label={strings.RegisterImportColColumn}><div>{p.column}</div></td>
                  <td role="cell" data-label={strings.RegisterImportColProblem}><div>{p.message}</div></td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className={s.actions}>
        <PrimaryButton text={format(plan.sheetRows.length === 1 ? strings.RegisterImportGoOne : strings.RegisterImportGo, plan.sheetRows.length.toLocaleString('en-GB'))} disabled={plan.problems.length > 0 || good === 0}
          onClick={() => void run(plan, false)} data-testid="import-go" />
        {plan.problems.length > 0 && good > 0 && (
          <DefaultButton text={format(strings.RegisterImportGoodOnly, good.toLocaleString('en-GB'))} onClick={() => void run(plan, true)} data-testid="import-good-only" />
        )}
        <DefaultButton text={strings.RegisterImportOtherFile} onClick={() => setState({ step: 'choose' })} data-testid="import-other-file" />
      </div>
      <table className={table} role="table" data-testid="import-rows" aria-label={strings.RegisterImportRowsLabel}>
        <thead role="rowgroup"><tr role="row">
          {[strings.RegisterImportColRow, strings.RegisterColName, strings.RegisterColPlatform, strings.RegisterColHandle, strings.RegisterColStatus, strings.RegisterColOwner, strings.RegisterImportColResult]
            .map((h) => <th key={h} scope="col" role="columnheader">{h}</th>)}
        </tr></thead>
        <tbody role="rowgroup">
          {plan.sheetRows.slice(0, PREVIEW_ROWS).map((r) => {
            // A good row as it will be stored; a row with problems as the file has it.
            const v = owners.get(r.row)?.values ?? r.cells;
            return (
              <tr role="row" key={r.row} data-import-row={r.row}>
                <td role="cell" data-label={strings.RegisterImportColRow}><div>{r.row}</div></td>
                <td role="cell" data-label={strings.RegisterColName}><div>{v?.name ?? ''}</div></td>
                <td role="cell" data-label={strings.RegisterColPlatform}><div>{v?.platform ?? ''}</div></td>
                <td role="cell" data-label={strings.RegisterColHandle}><div>{v?.handle ?? ''}</div></td>
                <td role="cell" data-label={strings.RegisterColStatus}><div>{v?.status ?? ''}</div></td>
                <td role="cell" data-label={strings.RegisterColOwner}><div>{v?.ownerEmail ?? ''}</div></td>
                <td role="cell" data-label={strings.RegisterImportColResult}><div>
                  {r.problems.length > 0 ? format(r.problems.length === 1 ? strings.RegisterImportRowProblem : strings.RegisterImportRowProblems, r.problems.length) : strings.RegisterImportRowReady}
                  {r.notes.map((n, i) => <div key={i} className={s.subtle}>{n}</div>)}
                </div></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {plan.sheetRows.length > PREVIEW_ROWS && <p className={s.subtle}>{format(strings.RegisterImportMoreRows, PREVIEW_ROWS, plan.sheetRows.length.toLocaleString('en-GB'))}</p>}
    </div>
  );
}
