import { escapeHtml } from '../../domain/policy';

// Editing commands for the section text. document.execCommand is deprecated, yet it is still the
// only built-in way to format a contentEditable region in every browser SharePoint and Teams run
// in, it keeps the browser's own undo (Ctrl+Z), and Fluent v8 has no rich text editor; an editor
// library would outweigh the whole comms chunk. Its quirks (spans with styles, divs) don't matter:
// the region's HTML is sanitised before it reaches state. Where execCommand is missing or refuses
// (old engines, jsdom in tests), the DOM fallbacks below do the same with a Range.

export type FormatCommand = 'bold' | 'italic' | 'insertUnorderedList' | 'insertOrderedList';

export function exec(command: string, value?: string): boolean {
  try {
    return typeof document.execCommand === 'function' && document.execCommand(command, false, value);
  } catch {
    return false;
  }
}

export function isActive(command: FormatCommand): boolean {
  try {
    return typeof document.queryCommandState === 'function' && document.queryCommandState(command);
  } catch {
    return false;
  }
}

/** The selection, if it lies inside `root`. */
export function rangeIn(root: HTMLElement): Range | undefined {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  return root.contains(range.commonAncestorContainer) ? range : undefined;
}

export function restoreRange(range: Range | undefined): void {
  const selection = window.getSelection();
  if (!range || !selection) return;
  selection.removeAllRanges();
  selection.addRange(range);
}

/** Inserts already-sanitised HTML where the caret is (or at the end). */
export function insertHtml(root: HTMLElement, cleanHtml: string): void {
  if (exec('insertHTML', cleanHtml)) return;
  const range = rangeIn(root);
  if (!range) {
    root.insertAdjacentHTML('beforeend', cleanHtml);
    return;
  }
  range.deleteContents();
  const fragment = range.createContextualFragment(cleanHtml);
  const last = fragment.lastChild;
  range.insertNode(fragment);
  if (last) {
    range.setStartAfter(last);
    range.collapse(true);
    restoreRange(range);
  }
}

/** Plain text as HTML: escaped, line breaks kept. */
export function textToHtml(text: string): string {
  return text.split(/\r?\n\r?\n/).map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`).join('');
}

/** Makes the selection a link to `href` (already checked), or inserts the address as a link. */
export function createLink(root: HTMLElement, range: Range | undefined, href: string): void {
  root.focus();
  restoreRange(range);
  const live = rangeIn(root);
  if (!live || live.collapsed) {
    insertHtml(root, `<a href="${escapeHtml(href)}">${escapeHtml(href)}</a>`);
    return;
  }
  if (exec('createLink', href)) return;
  const a = document.createElement('a');
  a.setAttribute('href', href);
  a.appendChild(live.extractContents());
  live.insertNode(a);
}

/** Removes the link around the caret or selection. */
export function removeLink(root: HTMLElement): void {
  if (exec('unlink')) return;
  const range = rangeIn(root);
  let node: Node | null = range ? range.commonAncestorContainer : null;
  while (node && node !== root && node.nodeName !== 'A') node = node.parentNode;
  if (!node || node === root) return;
  const a = node as HTMLElement;
  while (a.firstChild) a.parentNode!.insertBefore(a.firstChild, a);
  a.remove();
}
