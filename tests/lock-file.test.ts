/**
 * The lock file `npm ci` installs from on every CI runner — Linux, macOS,
 * Windows, x64 and arm64 — records every platform's optional packages:
 * npm only installs the binding of the platform it runs on, but it must
 * find that binding in the lock or `npm ci` fails (a lock written by
 * `npm install` on one platform can miss the others').
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, { version?: string; integrity?: string; os?: string[]; cpu?: string[]; optionalDependencies?: Record<string, string>; dependencies?: Record<string, string>; devDependencies?: Record<string, string> }>;
};
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** Where npm would find `name` for the package at `from` (nested first, then up the tree). */
function locate(from: string, name: string) {
  let base = from;
  for (;;) {
    const hit = lock.packages[`${base ? `${base}/` : ''}node_modules/${name}`];
    if (hit) return hit;
    if (!base) return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut < 0 ? '' : base.slice(0, cut);
  }
}

describe('package-lock.json', () => {
  it('is a version 3 lock whose root matches package.json', () => {
    expect(lock.lockfileVersion).toBe(3);
    expect(lock.packages['']!.dependencies).toEqual(pkg.dependencies);
    expect(lock.packages['']!.devDependencies).toEqual(pkg.devDependencies);
  });

  it('records every optional platform package of every package, with its integrity', () => {
    const missing: string[] = [];
    for (const [at, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        const dep = locate(at, name);
        if (!dep) missing.push(`${at} → ${name}`);
        else if (!dep.version || !dep.integrity) missing.push(`${at} → ${name} (no version/integrity)`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has the Astro compiler and Pagefind bindings of macOS, Windows and Linux on x64 and arm64', () => {
    const platforms = (prefix: string) =>
      Object.entries(lock.packages)
        .filter(([k, v]) => k.startsWith(`node_modules/${prefix}`) && v.os && v.cpu)
        .flatMap(([, v]) => v.os!.flatMap((os) => v.cpu!.map((cpu) => `${os}-${cpu}`)));
    for (const prefix of ['@astrojs/compiler-binding-', '@pagefind/']) {
      const have = new Set(platforms(prefix));
      for (const p of ['darwin-arm64', 'darwin-x64', 'win32-x64', 'linux-x64', 'linux-arm64']) expect(have.has(p), `${prefix} ${p}`).toBe(true);
    }
  });
});

describe('CI installs from the lock file', () => {
  it('.ci/run and every forge workflow run npm ci (never npm install), on the Node the project needs', () => {
    for (const f of ['.ci/run', '.github/workflows/ledger-check.yml', '.gitea/workflows/ledger-check.yml', '.gitlab-ci.yml']) {
      const text = readFileSync(join(root, f), 'utf8');
      expect(text, f).toMatch(/^\s*(- (run: )?)?npm ci\b/m);
      expect(text, f).not.toMatch(/^\s*(- (run: )?)?npm install\b/m);
      if (f !== '.ci/run') expect(text, f).toMatch(/node-version: '22\.18\.0'|image: node:22\.18\.0/);
    }
  });
});
