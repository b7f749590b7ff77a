import * as React from 'react';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { PrimaryButton, DefaultButton } from '@fluentui/react/lib/Button';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';
import * as strings from 'SocialMediaHubWebPartStrings';
import { format } from '../common/format';

/** Counts the dialog can show; each is optional, and a count that fails is simply left out. */
export interface MajorVersionReach {
  /** How many people will be asked to confirm again (the policy's audience). */
  countAudience?(): Promise<number>;
  /** How many owners and backups will be sent a Teams notification. */
  countOwners?(): Promise<number>;
}

type Count = { status: 'counting' } | { status: 'known'; value: number } | { status: 'unknown' };

function useCount(open: boolean, count: (() => Promise<number>) | undefined): Count {
  const [state, setState] = React.useState<Count>({ status: 'unknown' });
  React.useEffect(() => {
    if (!open || !count) {
      setState({ status: 'unknown' });
      return undefined;
    }
    let live = true;
    setState({ status: 'counting' });
    // A count that throws before it even starts is as unknown as one that fails later.
    Promise.resolve().then(count).then(
      (value) => { if (live) setState({ status: 'known', value }); },
      () => { if (live) setState({ status: 'unknown' }); }
    );
    return () => { live = false; };
  }, [open, count]);
  return state;
}

export interface ConfirmMajorDialogProps extends MajorVersionReach {
  open: boolean;
  /** The version about to be published, e.g. "3.0". */
  label: string;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A major version asks everyone to confirm the policy again and sends owners and backups a Teams
 * notification: worth one deliberate click more. Publishing never waits for the counts.
 */
export function ConfirmMajorDialog({ open, label, countAudience, countOwners, onConfirm, onCancel }: ConfirmMajorDialogProps): React.ReactElement {
  const people = useCount(open, countAudience);
  const owners = useCount(open, countOwners);
  const counting = people.status === 'counting' || owners.status === 'counting';
  // A number where it is known; where it is not, what will happen in words rather than a guess.
  const lines = [
    people.status === 'known'
      ? format(people.value === 1 ? strings.EditorConfirmPeopleOne : strings.EditorConfirmPeopleMany, people.value.toLocaleString('en-GB'))
      : strings.EditorConfirmEveryone,
    owners.status !== 'known' ? strings.EditorConfirmOwnersAll
      : owners.value === 0 ? strings.EditorConfirmOwnersNone
        : format(owners.value === 1 ? strings.EditorConfirmOwnersOne : strings.EditorConfirmOwnersMany, owners.value.toLocaleString('en-GB'))
  ];
  return (
    <Dialog
      hidden={!open} onDismiss={onCancel} minWidth="min(440px, 90vw)"
      dialogContentProps={{ type: DialogType.normal, title: format(strings.EditorConfirmMajorTitle, label) }}
      modalProps={{ isBlocking: true }}
    >
      <div data-testid="confirm-major" aria-live="polite">
        {counting && <Spinner size={SpinnerSize.small} label={strings.EditorConfirmCounting} labelPosition="right" />}
        {!counting && lines.map((line) => <p key={line}>{line}</p>)}
      </div>
      <DialogFooter>
        <PrimaryButton text={format(strings.EditorConfirmPublish, label)} onClick={onConfirm} />
        <DefaultButton text={strings.EditorConfirmCancel} onClick={onCancel} />
      </DialogFooter>
    </Dialog>
  );
}
