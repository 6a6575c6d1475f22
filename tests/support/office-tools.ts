/**
 * LibreOffice and poppler for the output tests: convert what the ledger
 * writes the way the office's machines open it. A missing tool FAILS the
 * test with how to install it (never skips).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const INSTALL = 'apt-get install -y libreoffice-calc libreoffice-writer poppler-utils';

export function requireTool(name: 'soffice' | 'pdfinfo' | 'pdftoppm'): string {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const p = join(dir, name);
    if (existsSync(p)) return p;
  }
  throw new Error(`${name} not found: the output tests open every .xlsx and .docx in LibreOffice and measure PDFs with poppler. Install them with: ${INSTALL}`);
}

/** Convert `file` with LibreOffice headless; returns the paths written (one per sheet for CSV). */
export function convert(file: string, to: string): string[] {
  const soffice = requireTool('soffice');
  const out = mkdtempSync(join(tmpdir(), 'ledger-soffice-'));
  // a private profile: parallel test files must not share LibreOffice's user directory
  execFileSync(soffice, [`-env:UserInstallation=file://${out}/profile`, '--headless', '--convert-to', to, '--outdir', out, file], { stdio: 'pipe', timeout: 120_000 });
  const stem = basename(file).replace(/\.[^.]+$/, '');
  return readdirSync(out).filter((f) => f.startsWith(stem)).sort().map((f) => join(out, f));
}

export function pdfInfo(pdf: string): { pages: number; size: string } {
  const text = execFileSync(requireTool('pdfinfo'), [pdf], { encoding: 'utf8' });
  return { pages: Number(/Pages:\s+(\d+)/.exec(text)?.[1]), size: /Page size:\s+(.+)/.exec(text)?.[1]?.trim() ?? '' };
}

/** Render page 1 as PNG at `dpi` (to look at; tests check it exists and is not blank). */
export function renderFirstPage(pdf: string, dpi = 60): string {
  const prefix = pdf.replace(/\.pdf$/, '-page');
  execFileSync(requireTool('pdftoppm'), ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  return `${prefix}.png`;
}
