import { build, type Plugin, type BuildResult } from 'esbuild';
import { join } from 'node:path';
import { readLocStrings } from './loc';

// The workbench's own bundler for the same sources gulp/webpack bundle for SharePoint. It only has
// to understand one SPFx-specific thing: the localised strings module.
const spfxStrings = (locale: string): Plugin => ({
  name: 'spfx-strings',
  setup(b) {
    b.onResolve({ filter: /^SocialMediaHubWebPartStrings$/ }, () => ({ path: locale, namespace: 'spfx-strings' }));
    b.onLoad({ filter: /.*/, namespace: 'spfx-strings' }, (args) => ({ contents: `module.exports = ${JSON.stringify(readLocStrings(args.path))};`, loader: 'js' }));
  }
});

export const CLIENT_OUT_DIR = join(__dirname, 'dist');

export async function buildClient(options: { minify?: boolean; locale?: string; outdir?: string; metafile?: boolean } = {}): Promise<BuildResult> {
  return build({
    entryPoints: { workbench: join(__dirname, 'client', 'main.tsx') },
    outdir: options.outdir ?? CLIENT_OUT_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: options.minify ?? false,
    sourcemap: true,
    metafile: options.metafile ?? false,
    jsx: 'transform',
    define: { 'process.env.NODE_ENV': options.minify ? '"production"' : '"development"' },
    plugins: [spfxStrings(options.locale ?? 'en-gb')],
    logLevel: 'warning'
  });
}
