import * as React from 'react';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { PrimaryButton, DefaultButton } from '@fluentui/react/lib/Button';
import * as strings from 'SocialMediaHubWebPartStrings';
import { format } from '../common/format';

/** One deliberate click more before notifying many people in Teams. */
export function RemindDialog({ open, count, label, onConfirm, onCancel }: { open: boolean; count: number; label: string; onConfirm(): void; onCancel(): void }): React.ReactElement {
  return (
    <Dialog
      hidden={!open} onDismiss={onCancel} minWidth="min(440px, 90vw)"
      dialogContentProps={{ type: DialogType.normal, title: format(count === 1 ? strings.RemindTitleOne : strings.RemindTitleMany, count.toLocaleString('en-GB')) }}
      modalProps={{ isBlocking: true }}
    >
      <p>{format(strings.RemindBody, label)}</p>
      <DialogFooter>
        <PrimaryButton text={strings.RemindSend} onClick={onConfirm} />
        <DefaultButton text={strings.EditorConfirmCancel} onClick={onCancel} />
      </DialogFooter>
    </Dialog>
  );
}
