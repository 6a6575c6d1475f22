/**
 * The W3C Nu HTML checker (vnu-jar from npm, run by the machine's Java) over
 * built pages: every file in one Java process, errors only, as JSON. A
 * missing `java` FAILS the test with how to install it (never skips).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const INSTALL = 'apt-get install -y openjdk-17-jre-headless (vnu.jar needs Java 11 or newer; the jar itself comes with `npm ci`, package vnu-jar)';

export interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

/** The java executable: $JAVA_HOME/bin/java or the first on PATH. */
export function requireJava(): string {
  const candidates = [process.env.JAVA_HOME && join(process.env.JAVA_HOME, 'bin/java'), ...(process.env.PATH ?? '').split(':').map((d) => join(d, 'java'))];
  for (const c of candidates) if (c && existsSync(c)) return c;
  throw new Error(`java not found: the HTML validity test runs the W3C Nu HTML checker (vnu.jar) on Java. Install it with: ${INSTALL}`);
}

export function vnuJar(): string {
  // the package's main module is CommonJS and exports the jar's path
  const jar = String(createRequire(import.meta.url)('vnu-jar'));
  if (!existsSync(jar)) throw new Error(`${jar} missing: run npm ci (devDependency vnu-jar)`);
  return jar;
}

/** Every error vnu reports for `files` (absolute paths), checked in one Java process. */
export function vnuErrors(files: string[]): VnuMessage[] {
  if (files.length === 0) return [];
  const java = requireJava();
  const r = spawnSync(java, ['-Xss4m', '-jar', vnuJar(), '--errors-only', '--format', 'json', ...files], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  // vnu writes its report to stderr and exits 1 when there are errors
  const text = (r.stderr || r.stdout).trim();
  let parsed: { messages: VnuMessage[] };
  try {
    parsed = JSON.parse(text) as { messages: VnuMessage[] };
  } catch {
    throw new Error(`vnu did not answer with JSON (exit ${r.status}):\n${text.slice(0, 2000)}`);
  }
  return parsed.messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
}

/** `path/to/page.html:12: message «extract»`, paths relative to `root`. */
export function formatVnu(m: VnuMessage, root: string): string {
  const file = m.url.startsWith('file:') ? relative(root, fileURLToPath(m.url)) : m.url;
  const extract = m.extract ? ` «${m.extract.replace(/\s+/g, ' ').trim().slice(0, 120)}»` : '';
  return `${file}:${m.lastLine ?? '?'}: ${m.message}${extract}`;
}
