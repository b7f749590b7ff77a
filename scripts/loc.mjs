// Keeps the localised string files in step with en-gb.js (the source): en-us.js gets the same
// texts (the product's English is British), qps-ploc.js gets pseudo-localised ones, so strings that
// are hard-coded instead of localised stand out when the web part runs with ?locale=qps-ploc.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';

const dir = join(import.meta.dirname, '..', 'src', 'webparts', 'socialMediaHub', 'loc');
let strings;
runInNewContext(readFileSync(join(dir, 'en-gb.js'), 'utf8'), { define: (_d, f) => { strings = f(); } });

const amd = (obj) => `define([], function () {\n  return ${JSON.stringify(obj, null, 2).replace(/\n/g, '\n  ')};\n});\n`;
const accents = { a: 'à', e: 'é', i: 'î', o: 'ô', u: 'ü', A: 'Â', E: 'É', O: 'Ö' };
// Placeholders ({0}) stay intact; letters outside them get accents.
const pseudo = (s) => `[!! ${s.split(/(\{\d+\})/).map((part) => (/^\{\d+\}$/.test(part) ? part : part.replace(/[aeiouAEO]/g, (c) => accents[c]))).join('')} !!]`;

writeFileSync(join(dir, 'en-us.js'), amd(strings));
writeFileSync(join(dir, 'qps-ploc.js'), amd(Object.fromEntries(Object.entries(strings).map(([k, v]) => [k, pseudo(v)]))));
const dts = `declare interface ISocialMediaHubWebPartStrings {\n${Object.keys(strings).map((k) => `  ${k}: string;`).join('\n')}\n}\n\ndeclare module 'SocialMediaHubWebPartStrings' {\n  const strings: ISocialMediaHubWebPartStrings;\n  export = strings;\n}\n`;
writeFileSync(join(dir, 'mystrings.d.ts'), dts);
console.log(`loc: ${Object.keys(strings).length} strings`);
