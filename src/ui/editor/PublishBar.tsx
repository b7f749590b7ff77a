import * as React from 'react';
import { PrimaryButton, DefaultButton } from '@fluentui/react/lib/Button';
import type { IContextualMenuItem } from '@fluentui/react/lib/ContextualMenu';
import type { IPopupRestoreFocusParams } from '@fluentui/react/lib/Popup';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import { format } from '../common/format';
import type { EditorContent } from './editorContent';
import { editorStyles } from './editorStyles';
import { fieldId } from './problems';

/** From this many sections, do's and don'ts, the bar offers an outline to jump through the form. */
export const LONG_POLICY_PARTS = 12;

export const PUBLISH_DETAILS_ID = 'smh-edit-publish';

export interface PublishBarProps {
  content: EditorContent;
  nextLabel: string;
  busy: boolean;
  /** The form is hidden (preview): nothing to jump to. */
  previewing: boolean;
  onPublish(): void;
}

function go(id: string): void {
  const target = document.getElementById(id);
  target?.scrollIntoView?.({ block: 'start' });
  target?.focus();
}

/** Where each part of a long policy starts: names, every section, the lists, the publishing details. */
export function outlineOf(content: EditorContent): { key: string; text: string; target: string }[] {
  return [
    { key: 'names', text: strings.EditorNamesHeading, target: fieldId('names.organisation') },
    ...content.sections.map((sec, i) => ({
      key: `section-${sec.id}`, text: sec.heading.trim() || format(strings.EditorUntitledSection, i + 1), target: fieldId(`sections.${i}.heading`)
    })),
    { key: 'dos', text: strings.EditorDosHeading, target: fieldId('dos') },
    { key: 'donts', text: strings.EditorDontsHeading, target: fieldId('donts') },
    { key: 'links', text: strings.EditorLinksHeading, target: fieldId('links') },
    { key: 'publish', text: strings.EditorPublishDetails, target: PUBLISH_DETAILS_ID }
  ];
}

/**
 * Stays at the bottom of the view while comms scroll a long policy, so publishing is always one
 * click away; on long policies it also holds an outline that moves focus to any part.
 */
export function PublishBar({ content, nextLabel, busy, previewing, onPublish }: PublishBarProps): React.ReactElement {
  const s = editorStyles(useTheme());
  const long = content.sections.length + content.dos.length + content.donts.length >= LONG_POLICY_PARTS;
  // The menu gives focus back to its button as it closes; the part chosen must win over that.
  const chosen = React.useRef<string | undefined>();
  const items: IContextualMenuItem[] = outlineOf(content).map((o) => ({ key: o.key, text: o.text, onClick: () => { chosen.current = o.target; } }));
  const onRestoreFocus = ({ originalElement, containsFocus }: IPopupRestoreFocusParams): void => {
    const target = chosen.current;
    chosen.current = undefined;
    if (target) go(target);
    else if (containsFocus && originalElement && 'focus' in originalElement) originalElement.focus();
  };
  return (
    <div className={s.stickyBar} data-testid="publish-bar">
      {long && !previewing && (
        <DefaultButton
          text={strings.EditorOutline} iconProps={{ iconName: 'GlobalNavButton' }} disabled={busy}
          menuProps={{ items, ariaLabel: strings.EditorOutlineLabel, onRestoreFocus }}
        />
      )}
      <PrimaryButton text={busy ? strings.EditorPublishing : format(strings.EditorPublish, nextLabel)} disabled={busy} onClick={onPublish} />
    </div>
  );
}
