import * as React from 'react';
import { DefaultButton, ActionButton, MessageBarButton } from '@fluentui/react/lib/Button';
import { MessageBar } from '@fluentui/react/lib/MessageBar';
import { hiddenContentStyle, mergeStyles } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SocialMediaHubWebPartStrings';
import { format } from '../common/format';
import { editorStyles } from './editorStyles';
import { moveItem } from './editorContent';

export interface ReorderableListProps<T extends { id: string }> {
  /** Names the list for assistive technology, e.g. "Do's". */
  label: string;
  items: T[];
  onChange(items: T[]): void;
  /** How a row is called in its buttons' names ("Move up: Share passwords with comms"). */
  nameOf(item: T, index: number): string;
  renderFields(item: T, index: number): React.ReactNode;
  /** A new, empty row with a fresh id. */
  createItem(): T;
  addLabel: string;
  disabled?: boolean;
}

type Pending = { id: string; target: 'up' | 'down' | 'remove' | 'field' } | { id: undefined; target: 'add' };

interface Removed<T> {
  item: T;
  index: number;
  name: string;
}

/** How long "Removed. Undo" stays; it stays longer while focus or the pointer is on it. */
const UNDO_MS = 15_000;

const hidden = mergeStyles(hiddenContentStyle);

/**
 * Rows that can be added, removed and put in order with Move up / Move down buttons. Keyboard
 * focus follows the moved row (React re-inserts the node, which would otherwise drop focus), and a
 * polite live region says where it went, so the list can be ordered without a mouse.
 */
export function ReorderableList<T extends { id: string }>(props: ReorderableListProps<T>): React.ReactElement {
  const { label, items, onChange, nameOf, renderFields, createItem, addLabel, disabled } = props;
  const s = editorStyles(useTheme());
  const root = React.useRef<HTMLDivElement>(null);
  const pending = React.useRef<Pending | undefined>(undefined);
  const [announcement, setAnnouncement] = React.useState('');
  const [removed, setRemoved] = React.useState<Removed<T> | undefined>();
  const undoBar = React.useRef<HTMLLIElement>(null);
  const hovered = React.useRef(false);

  React.useEffect(() => {
    if (!removed) return undefined;
    // Nobody should lose the chance to undo while reading or reaching for the button (WCAG 2.2.1).
    const timer = setInterval(() => {
      const bar = undoBar.current;
      if (hovered.current || (bar && bar.contains(document.activeElement))) return;
      setRemoved(undefined);
    }, UNDO_MS);
    return () => clearInterval(timer);
  }, [removed]);

  React.useEffect(() => {
    const want = pending.current;
    const el = root.current;
    if (!want || !el) return;
    pending.current = undefined;
    if (want.target === 'add') {
      el.querySelector<HTMLElement>('[data-action="add"]')?.focus();
      return;
    }
    // Ids come from stored content, so they are compared, not put into a selector.
    const row = Array.from(el.querySelectorAll<HTMLElement>('[data-row]')).find((r) => r.getAttribute('data-row') === want.id);
    if (!row) return;
    const order = want.target === 'up' ? ['up', 'down'] : want.target === 'down' ? ['down', 'up'] : [want.target];
    for (const action of order) {
      const button = row.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
      if (button && !button.disabled) {
        button.focus();
        return;
      }
    }
    row.querySelector<HTMLElement>('input, textarea, [contenteditable="true"]')?.focus();
  });

  const move = (from: number, to: number, target: 'up' | 'down'): void => {
    const item = items[from];
    pending.current = { id: item.id, target };
    onChange(moveItem(items, from, to));
    setAnnouncement(format(strings.EditorMovedTo, nameOf(item, from), to + 1, items.length));
  };

  const remove = (index: number): void => {
    const item = items[index];
    const next = items.filter((_, i) => i !== index);
    // Focus goes to the row that took its place (or the one before), else to "Add".
    const neighbour = next[index] ?? next[index - 1];
    pending.current = neighbour ? { id: neighbour.id, target: 'remove' } : { id: undefined, target: 'add' };
    onChange(next);
    // The message bar itself is a status region, so it is what screen readers hear.
    setAnnouncement('');
    setRemoved({ item, index, name: nameOf(item, index) });
  };

  const undo = (): void => {
    if (!removed) return;
    // Back where it was, as far as the list still reaches; focus returns to the row.
    const at = Math.min(removed.index, items.length);
    pending.current = { id: removed.item.id, target: 'remove' };
    onChange([...items.slice(0, at), removed.item, ...items.slice(at)]);
    setAnnouncement(format(strings.EditorRestored, removed.name));
    setRemoved(undefined);
  };

  const add = (): void => {
    const item = createItem();
    pending.current = { id: item.id, target: 'field' };
    onChange([...items, item]);
  };

  // "Removed: … Undo" takes the removed row's place, where the eye and the keyboard already are.
  const undoRow = removed && (
    <li key={`removed-${removed.item.id}`} ref={undoBar} className={s.undo} onMouseEnter={() => { hovered.current = true; }} onMouseLeave={() => { hovered.current = false; }}>
      <MessageBar
        actions={<MessageBarButton data-action="undo" text={strings.EditorUndo} iconProps={{ iconName: 'Undo' }} disabled={disabled} onClick={undo} />}
        onDismiss={() => setRemoved(undefined)} dismissButtonAriaLabel={strings.EditorDismiss}
      >
        {format(strings.EditorRemovedNotice, removed.name)}
      </MessageBar>
    </li>
  );
  const undoAt = removed ? Math.min(removed.index, items.length) : -1;

  return (
    <div ref={root}>
      <ul className={s.rows} aria-label={label}>
        {items.map((item, i) => {
          const name = nameOf(item, i);
          return (
            <React.Fragment key={item.id}>
            {i === undoAt && undoRow}
            <li key="row" className={s.row} data-row={item.id}>
              <div className={s.rowFields}>{renderFields(item, i)}</div>
              <div className={s.rowActions}>
                <ActionButton data-action="up" text={strings.EditorMoveUp} ariaLabel={format(strings.EditorMoveUpNamed, name)} disabled={disabled || i === 0} onClick={() => move(i, i - 1, 'up')} />
                <ActionButton data-action="down" text={strings.EditorMoveDown} ariaLabel={format(strings.EditorMoveDownNamed, name)} disabled={disabled || i === items.length - 1} onClick={() => move(i, i + 1, 'down')} />
                <ActionButton data-action="remove" text={strings.EditorRemove} ariaLabel={format(strings.EditorRemoveNamed, name)} disabled={disabled} onClick={() => remove(i)} />
              </div>
            </li>
            </React.Fragment>
          );
        })}
        {undoAt === items.length && undoRow}
      </ul>
      <DefaultButton data-action="add" className={s.addButton} text={addLabel} disabled={disabled} onClick={add} />
      <div className={hidden} aria-live="polite">{announcement}</div>
    </div>
  );
}
