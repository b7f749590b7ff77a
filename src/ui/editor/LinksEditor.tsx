import * as React from 'react';
import { TextField } from '@fluentui/react/lib/TextField';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import { POLICY_LIMITS } from '../../domain/policy';
import { format } from '../common/format';
import { characterCount } from './characterCount';
import type { EditorLink } from './editorContent';
import { editorStyles } from './editorStyles';
import { fieldProps, type FieldFeedback } from './fieldFeedback';
import { fieldId } from './problems';
import { ReorderableList } from './ReorderableList';

export interface LinksEditorProps {
  links: EditorLink[];
  onChange(links: EditorLink[]): void;
  newId(prefix: string): string;
  feedback: FieldFeedback;
}

/** Links to the HR code of conduct and other policies. */
export function LinksEditor({ links, onChange, newId, feedback }: LinksEditorProps): React.ReactElement {
  const s = editorStyles(useTheme());
  const listError = feedback.error('links');
  const update = (i: number, change: Partial<EditorLink>): void => onChange(links.map((x, j) => (j === i ? { ...x, ...change } : x)));
  return (
    <fieldset className={s.group} id={fieldId('links')} tabIndex={-1}>
      <legend className={s.groupHeading}>{strings.EditorLinksHeading}</legend>
      {listError && <p className={s.listError} role="alert">{listError}</p>}
      <ReorderableList<EditorLink>
        label={strings.EditorLinksHeading} items={links} onChange={onChange} disabled={feedback.disabled}
        nameOf={(x, i) => x.title.trim() || x.url.trim() || format(strings.EditorUntitledLink, i + 1)}
        createItem={() => ({ id: newId('link'), title: '', url: '' })} addLabel={strings.EditorAddLink}
        renderFields={(x, i) => (
          <div className={s.twoColumns}>
            <TextField
              label={strings.EditorLinkTitle} value={x.title} {...fieldProps(feedback, `links.${i}.title`)}
              description={characterCount(x.title.length, POLICY_LIMITS.linkTitleLength)} onChange={(_, v) => update(i, { title: v ?? '' })}
            />
            <TextField
              label={strings.EditorLinkUrl} type="url" value={x.url} {...fieldProps(feedback, `links.${i}.url`)}
              description={characterCount(x.url.length, POLICY_LIMITS.urlLength)} onChange={(_, v) => update(i, { url: v ?? '' })}
            />
          </div>
        )}
      />
    </fieldset>
  );
}
