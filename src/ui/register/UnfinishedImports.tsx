import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { RegisterImportService, UnfinishedRun } from '../../services/registerImportService';
import { useAsync } from '../common/useAsync';
import { Notice } from '../common/Notice';
import { format, formatDateTime } from '../common/format';

// An import that stopped part way (in this session or another) is hidden from every view; comms are
// told when they open the register and choose: finish it (when every row was written and only the
// last step was lost) or remove what was written and import the file again.

export function UnfinishedImports({ service, onChanged }: { service: RegisterImportService; onChanged: () => void }): React.ReactElement | null {
  const [runs, reload] = useAsync(() => service.unfinished(), [service]);
  const [message, setMessage] = React.useState<{ kind: 'success' | 'error' | 'warning'; text: string }>();
  const [busy, setBusy] = React.useState(false);
  if (runs.status !== 'ready' || (runs.value.length === 0 && !message)) return null;

  const act = async (run: UnfinishedRun, what: 'finish' | 'remove'): Promise<void> => {
    setBusy(true);
    const outcome = what === 'finish' ? await service.finish(run) : await service.remove(run);
    setBusy(false);
    if (outcome.kind === 'imported') setMessage({ kind: 'success', text: format(strings.RegisterImportDone, outcome.count.toLocaleString('en-GB')) });
    else if (outcome.kind === 'removed') setMessage({ kind: 'success', text: format(strings.RegisterImportRemoved, outcome.count.toLocaleString('en-GB')) });
    else if (outcome.kind === 'incomplete') setMessage({ kind: 'warning', text: strings.RegisterImportCannotFinish });
    else if (outcome.kind === 'failed') setMessage({ kind: 'error', text: format(strings.RegisterImportFailed, outcome.message) });
    reload();
    onChanged();
  };

  return (
    <div data-testid="import-unfinished">
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {runs.value.map((r) => (
        <Notice kind="warning" key={r.runId}>
          <p>{format(strings.RegisterImportUnfinished, r.fileName ?? '', formatDateTime(r.started), r.written.toLocaleString('en-GB'), (r.rowCount ?? 0).toLocaleString('en-GB'))}</p>
          <DefaultButton text={strings.RegisterImportFinish} disabled={busy || r.written < (r.rowCount ?? Infinity)} onClick={() => void act(r, 'finish')} />{' '}
          <DefaultButton text={strings.RegisterImportRemove} disabled={busy} onClick={() => void act(r, 'remove')} />
        </Notice>
      ))}
    </div>
  );
}
