// A small description of the JSON shapes this module stores (a request's Details, a draft), and one
// reader for them: it never throws, builds a fresh object with the keys in the described order (so
// writing what it read gives the same text), and either fills what is missing with empty values
// (drafts, which may be half-filled or older) or refuses it (Details, which were complete when written).

export type Shape =
  | { t: 'string' }
  | { t: 'number' }
  | { t: 'integer' }
  | { t: 'boolean' }
  | { t: 'enum'; values: readonly string[] }
  | { t: 'object'; fields: Readonly<Record<string, Shape>> }
  | { t: 'array'; of: Shape; max: number }
  | { t: 'nullable'; of: Shape };

export const S = {
  string: { t: 'string' } as Shape,
  number: { t: 'number' } as Shape,
  integer: { t: 'integer' } as Shape,
  boolean: { t: 'boolean' } as Shape,
  enum: (values: readonly string[]): Shape => ({ t: 'enum', values }),
  object: (fields: Record<string, Shape>): Shape => ({ t: 'object', fields }),
  array: (of: Shape, max: number): Shape => ({ t: 'array', of, max }),
  nullable: (of: Shape): Shape => ({ t: 'nullable', of })
};

export type ReadResult = { ok: true; value: unknown } | { ok: false; path: string };

export interface ReadOptions {
  /** Missing values become empty ('' / false / [] / null / an empty object) instead of failing. */
  fillMissing: boolean;
  /** The longest string accepted anywhere (bounds what junk can make us hold). */
  maxString: number;
}

function empty(shape: Shape): unknown {
  switch (shape.t) {
    case 'string': return '';
    case 'boolean': return false;
    case 'array': return [];
    case 'object': return Object.fromEntries(Object.entries(shape.fields).map(([k, s]) => [k, empty(s)]));
    case 'enum': return '';
    default: return null;
  }
}

export function readShape(value: unknown, shape: Shape, opts: ReadOptions, path = ''): ReadResult {
  const fail = (): ReadResult => ({ ok: false, path: path || '(whole)' });
  switch (shape.t) {
    case 'string':
      return typeof value === 'string' && value.length <= opts.maxString ? { ok: true, value } : fail();
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? { ok: true, value } : fail();
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? { ok: true, value } : fail();
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : fail();
    case 'enum':
      // A draft keeps whatever the person picked or typed; the form checks it on submission.
      if (opts.fillMissing) return typeof value === 'string' && value.length <= opts.maxString ? { ok: true, value } : fail();
      return typeof value === 'string' && shape.values.includes(value) ? { ok: true, value } : fail();
    case 'nullable':
      return value === null ? { ok: true, value: null } : readShape(value, shape.of, opts, path);
    case 'array': {
      if (!Array.isArray(value) || value.length > shape.max) return fail();
      const out: unknown[] = [];
      for (let i = 0; i < value.length; i++) {
        const r = readShape(value[i], shape.of, opts, `${path}.${i}`);
        if (!r.ok) return r;
        out.push(r.value);
      }
      return { ok: true, value: out };
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail();
      const src = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [key, s] of Object.entries(shape.fields)) {
        const sub = path ? `${path}.${key}` : key;
        if (!Object.prototype.hasOwnProperty.call(src, key) || src[key] === undefined) {
          if (!opts.fillMissing) return { ok: false, path: sub };
          out[key] = empty(s);
          continue;
        }
        const r = readShape(src[key], s, opts, sub);
        if (!r.ok) return r;
        out[key] = r.value;
      }
      return { ok: true, value: out };
    }
  }
}
