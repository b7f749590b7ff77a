import type { PolicyContent, PolicyLink, PolicyNames, PolicyPlaceholders, VersionKind } from '../../domain/policy';

// The editor's working copy of a policy. Links carry an editor-only id so reordering them can keep
// keyboard focus on the moved row (React needs a stable key); the id is dropped before anything is
// checked, previewed or published, so stored content keeps its own shape.

export interface EditorLink extends PolicyLink {
  id: string;
}

export interface EditorContent extends Omit<PolicyContent, 'links' | 'names'> {
  names: PolicyNames;
  links: EditorLink[];
}

/** Everything the person is editing; what the browser keeps as their draft. */
export interface EditorDraft {
  content: EditorContent;
  kind: VersionKind;
  changeSummary: string;
}

/** A fresh id no other part of the draft uses, e.g. `do-4f9c2a1b`. */
export function newId(prefix: string, taken: Iterable<string> = []): string {
  const used = new Set(taken);
  for (;;) {
    const id = `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
    if (!used.has(id)) return id;
  }
}

export function allIds(content: EditorContent): string[] {
  return [...content.sections, ...content.dos, ...content.donts, ...content.links].map((x) => x.id);
}

/** The draft a new edit starts from: the version in force, with the names it shows today. */
export function fromContent(content: PolicyContent, placeholders: PolicyPlaceholders): EditorContent {
  const taken: string[] = [];
  const links = content.links.map((l) => {
    const id = newId('link', taken);
    taken.push(id);
    return { title: l.title, url: l.url, id };
  });
  return {
    // The page's placeholders are already this version's names, falling back to the hub settings.
    names: { organisation: placeholders.organisation, commsHead: placeholders.commsHead },
    sections: content.sections.map((s) => ({ ...s })),
    dos: content.dos.map((i) => ({ ...i })),
    donts: content.donts.map((i) => ({ ...i })),
    links
  };
}

/** What is checked, previewed and published. */
export function toContent(content: EditorContent): PolicyContent {
  return {
    names: { organisation: content.names.organisation, commsHead: content.names.commsHead },
    sections: content.sections,
    dos: content.dos,
    donts: content.donts,
    links: content.links.map(({ title, url }) => ({ title, url }))
  };
}

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}
