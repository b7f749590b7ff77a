import * as React from 'react';
import { TextField } from '@fluentui/react/lib/TextField';
import { PrimaryButton, DefaultButton } from '@fluentui/react/lib/Button';
import { Icon } from '@fluentui/react/lib/Icon';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import { safeLinkUrl } from '../../domain/policy';
import { sanitizeHtml } from '../common/sanitizeHtml';
import { editorStyles } from './editorStyles';
import { createLink, exec, insertHtml, isActive, rangeIn, removeLink, textToHtml, type FormatCommand } from './richTextCommands';

export interface RichTextEditorProps {
  /** DOM id of the editable region (validation summaries move focus here). */
  id: string;
  label: string;
  /** Sanitised HTML. */
  value: string;
  onChange(html: string): void;
  onBlur?(): void;
  errorMessage?: string;
  /** A line under the region, e.g. its character count. */
  description?: string;
  disabled?: boolean;
}

// Each button shows a registered Fluent icon and no text, so its name (aria-label, also the tooltip)
// is the only label it has: nothing visible can disagree with it.
type Tool = { key: string; label: string; icon: string; command?: FormatCommand };

const TOOLS: Tool[] = [
  { key: 'bold', label: strings.EditorBold, icon: 'Bold', command: 'bold' },
  { key: 'italic', label: strings.EditorItalic, icon: 'Italic', command: 'italic' },
  { key: 'ul', label: strings.EditorBulletedList, icon: 'BulletedList', command: 'insertUnorderedList' },
  { key: 'ol', label: strings.EditorNumberedList, icon: 'NumberedList', command: 'insertOrderedList' },
  { key: 'link', label: strings.EditorLink, icon: 'Link' },
  { key: 'unlink', label: strings.EditorRemoveLink, icon: 'RemoveLink' }
];

/**
 * A small rich text editor for section text: a contentEditable region and a toolbar. Whatever the
 * browser, a paste or a drop puts into the region, only sanitised HTML is passed on, so state,
 * drafts and the publish call never hold markup the policy page wouldn't show.
 */
export function RichTextEditor({ id, label, value, onChange, onBlur, errorMessage, description, disabled }: RichTextEditorProps): React.ReactElement {
  const s = editorStyles(useTheme());
  const region = React.useRef<HTMLDivElement>(null);
  const emitted = React.useRef<string | undefined>(undefined);
  const savedRange = React.useRef<Range | undefined>(undefined);
  /** The link form is taking focus: the region must keep its nodes for the saved selection. */
  const linking = React.useRef(false);
  const [activeTool, setActiveTool] = React.useState(0);
  const [pressed, setPressed] = React.useState<Record<string, boolean>>({});
  const [linkOpen, setLinkOpen] = React.useState(false);
  const [linkUrl, setLinkUrl] = React.useState('');
  const [linkError, setLinkError] = React.useState<string | undefined>();
  const labelId = `${id}-label`;
  const errorId = `${id}-error`;
  const descriptionId = `${id}-description`;
  const describedBy = [errorMessage ? errorId : '', description ? descriptionId : ''].filter(Boolean).join(' ') || undefined;

  // The region is not a controlled input (re-rendering it would move the caret), so a value that
  // did not come from typing here (draft restored, discarded) is written into it; sanitised again
  // because it is about to become live DOM.
  React.useLayoutEffect(() => {
    const el = region.current;
    if (el && value !== emitted.current) {
      el.innerHTML = sanitizeHtml(value);
      emitted.current = value;
    }
  }, [value]);

  const emit = React.useCallback(() => {
    const el = region.current;
    if (!el) return;
    const clean = sanitizeHtml(el.innerHTML);
    if (clean === emitted.current) return;
    emitted.current = clean;
    onChange(clean);
  }, [onChange]);

  const refreshPressed = (): void => setPressed({ bold: isActive('bold'), italic: isActive('italic') });

  React.useEffect(() => {
    // Bold and Italic show whether the caret is in bold or italic text.
    const onSelection = (): void => { if (region.current && rangeIn(region.current)) refreshPressed(); };
    document.addEventListener('selectionchange', onSelection);
    return () => document.removeEventListener('selectionchange', onSelection);
  }, []);

  const onFocus = (): void => {
    // Enter makes paragraphs, not divs: the sanitiser drops divs and would run the lines together.
    exec('defaultParagraphSeparator', 'p');
    exec('styleWithCSS', 'false');
  };

  const onBlurRegion = (): void => {
    // Leave the region showing exactly what is kept (the caret no longer matters).
    const el = region.current;
    if (el && !linking.current && emitted.current !== undefined && el.innerHTML !== emitted.current) el.innerHTML = emitted.current;
    onBlur?.();
  };

  const onPaste = (e: React.ClipboardEvent<HTMLDivElement>): void => {
    e.preventDefault();
    if (disabled || !region.current) return;
    const html = e.clipboardData.getData('text/html');
    insertHtml(region.current, html ? sanitizeHtml(html) : textToHtml(e.clipboardData.getData('text/plain')));
    emit();
  };

  const onDrop = (e: React.DragEvent<HTMLDivElement>): void => {
    // Dropped content is treated like a paste: sanitised before it becomes part of the region.
    e.preventDefault();
    if (disabled || !region.current) return;
    const html = e.dataTransfer.getData('text/html');
    const text = e.dataTransfer.getData('text/plain');
    if (!html && !text) return;
    const at = (document as Document & { caretRangeFromPoint?(x: number, y: number): Range | null }).caretRangeFromPoint?.(e.clientX, e.clientY);
    if (at) {
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(at);
    }
    insertHtml(region.current, html ? sanitizeHtml(html) : textToHtml(text));
    emit();
  };

  const run = (tool: Tool): void => {
    const el = region.current;
    if (!el || disabled) return;
    if (tool.key === 'link') {
      savedRange.current = rangeIn(el)?.cloneRange();
      linking.current = true;
      setLinkUrl('https://');
      setLinkError(undefined);
      setLinkOpen(true);
      return;
    }
    el.focus();
    if (tool.key === 'unlink') removeLink(el);
    else if (tool.command) exec(tool.command);
    refreshPressed();
    emit();
  };

  const addLink = (): void => {
    const href = safeLinkUrl(linkUrl);
    if (!href || !region.current) {
      setLinkError(strings.EditorLinkInvalid);
      return;
    }
    createLink(region.current, savedRange.current, href);
    linking.current = false;
    setLinkOpen(false);
    emit();
  };

  const closeLink = (): void => {
    linking.current = false;
    setLinkOpen(false);
    region.current?.focus();
  };

  const onToolbarKey = (e: React.KeyboardEvent<HTMLDivElement>): void => {
    // One tab stop for the toolbar; arrow keys move between its buttons (ARIA toolbar pattern).
    const moves: Record<string, number> = { ArrowRight: activeTool + 1, ArrowLeft: activeTool - 1, Home: 0, End: TOOLS.length - 1 };
    if (!(e.key in moves)) return;
    e.preventDefault();
    const next = (moves[e.key] + TOOLS.length) % TOOLS.length;
    setActiveTool(next);
    (e.currentTarget.querySelectorAll('button')[next] as HTMLButtonElement | undefined)?.focus();
  };

  return (
    <div className={s.rte}>
      <span id={labelId} className={s.rteLabel}>{label}</span>
      <div role="toolbar" aria-label={`${strings.EditorFormatting}: ${label}`} aria-controls={id} className={s.toolbar} onKeyDown={onToolbarKey}>
        {TOOLS.map((tool, i) => (
          <button
            key={tool.key} type="button" className={s.toolButton} aria-label={tool.label} title={tool.label} disabled={disabled}
            tabIndex={i === activeTool ? 0 : -1} aria-pressed={tool.key in pressed ? pressed[tool.key] : undefined}
            // Keep the selection in the region: a click would otherwise move focus and lose it.
            onMouseDown={(e) => e.preventDefault()} onFocus={() => setActiveTool(i)} onClick={() => run(tool)}
          >
            <Icon iconName={tool.icon} />
          </button>
        ))}
      </div>
      {linkOpen && (
        <div className={s.linkForm} role="group" aria-label={strings.EditorLink}>
          <TextField
            label={strings.EditorLinkAddress} value={linkUrl} autoFocus errorMessage={linkError} styles={{ root: { flex: '1 1 200px' } }}
            onChange={(_, v) => setLinkUrl(v ?? '')} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); addLink(); } else if (e.key === 'Escape') closeLink(); }}
          />
          <PrimaryButton text={strings.EditorLinkAdd} onClick={addLink} />
          <DefaultButton text={strings.EditorCancel} onClick={closeLink} />
        </div>
      )}
      <div
        ref={region} id={id} role="textbox" aria-multiline="true" aria-labelledby={labelId}
        aria-invalid={errorMessage ? true : undefined} aria-describedby={describedBy} aria-disabled={disabled || undefined}
        contentEditable={!disabled} suppressContentEditableWarning tabIndex={0}
        className={`${s.editable} ${errorMessage ? s.editableInvalid : ''} ${disabled ? s.editableDisabled : ''}`}
        onInput={emit} onFocus={onFocus} onBlur={onBlurRegion} onPaste={onPaste} onDrop={onDrop}
      />
      {errorMessage && <p id={errorId} className={s.fieldError} role="alert">{errorMessage}</p>}
      {description && <p id={descriptionId} className={s.hint}>{description}</p>}
    </div>
  );
}
