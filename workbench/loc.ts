import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';

// SPFx localised strings are AMD modules (define([], () => ({...}))). Outside the SPFx loader (the
// workbench bundle, jest) we evaluate the file with a define() that captures the object.
export const LOC_DIR = join(__dirname, '..', 'src', 'webparts', 'socialMediaHub', 'loc');

export function readLocStrings(locale = 'en-gb'): Record<string, string> {
  const source = readFileSync(join(LOC_DIR, `${locale}.js`), 'utf8');
  let captured: Record<string, string> | undefined;
  runInNewContext(source, { define: (_deps: string[], factory: () => Record<string, string>) => { captured = factory(); } });
  if (!captured) throw new Error(`${locale}.js did not call define()`);
  return captured;
}
