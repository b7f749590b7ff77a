import * as React from 'react';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import { TextField } from '@fluentui/react/lib/TextField';
import { PrimaryButton } from '@fluentui/react/lib/Button';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { OursAnswer, RegisterService } from '../../services/registerService';
import type { RegisterRow } from '../../services/ports/register';
import { ErrorBar } from '../common/ErrorBar';
import { linkColour } from './linkColour';
import { MAX_HANDLE_INPUT } from '../../domain/register/accountHandle';
import { format } from '../common/format';
import { ACCOUNT_STATUS } from '../../domain/register/choices';

// "Is this account ours?": anyone pastes an address or a handle and gets yes with the owner and
// backup, or no with what to do. The answer is announced (aria-live) where the person is.

type State = { status: 'idle' } | { status: 'checking' } | { status: 'answered'; answer: OursAnswer } | { status: 'error'; error: unknown };

export function OursCheck({ service, onOpen }: { service: RegisterService; onOpen(id: number): void }): React.ReactElement {
  const theme = useTheme();
  const [text, setText] = React.useState('');
  const [state, setState] = React.useState<State>({ status: 'idle' });
  const s = mergeStyleSets({
    form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: 8 },
    field: { flex: '1 1 260px', minWidth: 0 },
    heading: { ...theme.fonts.mediumPlus, fontWeight: 600, margin: '0 0 4px' },
    answer: { marginTop: 8 },
    yes: { fontWeight: 600, color: theme.semanticColors.successIcon, margin: '4px 0' },
    no: { fontWeight: 600, margin: '4px 0' },
    list: { margin: '4px 0', paddingLeft: 20 },
    link: { background: 'none', border: 0, padding: 0, color: linkColour(theme), textDecoration: 'underline', cursor: 'pointer', font: 'inherit', textAlign: 'left' }
  });

  const check = async (e?: React.FormEvent): Promise<void> => {
    e?.preventDefault();
    setState({ status: 'checking' });
    try {
      setState({ status: 'answered', answer: await service.isOurs(text) });
    } catch (error) {
      setState({ status: 'error', error });
    }
  };

  const people = (a: RegisterRow): React.ReactNode => (
    <>
      {a.owner ? format(strings.RegisterOursOwner, `${a.owner.name} (${a.owner.email})`) : strings.RegisterOursNoOwner}
      {' · '}
      {a.backup ? format(strings.RegisterOursBackup, `${a.backup.name} (${a.backup.email})`) : strings.RegisterOursNoBackup}
    </>
  );

  return (
    <section aria-labelledby="smh-ours-heading" data-testid="ours-check">
      <h3 id="smh-ours-heading" className={s.heading}>{strings.RegisterOursHeading}</h3>
      <form className={s.form} onSubmit={(e) => void check(e)} role="search" aria-label={strings.RegisterOursHeading}>
        <TextField className={s.field} label={strings.RegisterOursLabel} placeholder={strings.RegisterOursPlaceholder} value={text} onChange={(_, v) => setText(v ?? '')} autoComplete="off" spellCheck={false} maxLength={MAX_HANDLE_INPUT} data-testid="ours-input" />
        <PrimaryButton type="submit" text={strings.RegisterOursCheck} disabled={state.status === 'checking'} />
      </form>
      <div aria-live="polite" className={s.answer} data-testid="ours-answer">
        {state.status === 'checking' && <Spinner size={SpinnerSize.small} label={strings.RegisterOursChecking} labelPosition="right" />}
        {state.status === 'error' && <ErrorBar error={state.error} onRetry={() => void check()} scope="site" />}
        {state.status === 'answered' && <Answer answer={state.answer} people={people} onOpen={onOpen} classes={s} />}
      </div>
    </section>
  );
}

function Answer({ answer, people, onOpen, classes: s }: { answer: OursAnswer; people(a: RegisterRow): React.ReactNode; onOpen(id: number): void; classes: Record<'yes' | 'no' | 'list' | 'link', string> }): React.ReactElement {
  if (answer.kind === 'unreadable') return <p className={s.no} role="alert">{answer.message}</p>;
  const shown = answer.asked.display;
  if (answer.kind === 'ours') {
    const allClosed = answer.accounts.every((a) => a.status === ACCOUNT_STATUS.closed);
    return (
      <div data-answer="ours">
        <p className={s.yes}>{format(allClosed ? strings.RegisterOursYesClosed : strings.RegisterOursYes, shown)}</p>
        <ul className={s.list}>
          {answer.accounts.map((a) => (
            <li key={a.id}>
              <button type="button" className={s.link} onClick={() => onOpen(a.id)}>
                {format(strings.RegisterOursAccount, a.name, a.platform, a.status)}
              </button>
              <br />
              {people(a)}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div data-answer="not-ours">
      <p className={s.no}>{answer.asked.platform ? format(strings.RegisterOursNoPlatform, shown, answer.asked.platform) : format(strings.RegisterOursNo, shown)}</p>
      {answer.elsewhere.length > 0 && <p>{format(strings.RegisterOursElsewhere, answer.elsewhere.map((a) => `${a.platform} (${a.name})`).join(', '))}</p>}
      <p>{strings.RegisterOursWhatToDo}</p>
    </div>
  );
}
