/**
 * The forge's Run-workflow forms offer every step of the workflow table:
 * the choice list of `.github/` and `.gitea/` `ledger-step.yml` and the
 * dropdown of `.gitlab/ledger-step.yml` are written from `stepCatalogue()`
 * between two marker comments (`npm run forge:files`); the rest of each
 * file is kept by hand. A test fails when a file is out of date with the
 * table. Pure text in, text out.
 */
import { stepCatalogue } from '../domain/actions/catalogue.ts';
import { WORKFLOWS } from '../domain/workflow.ts';

export const FORGE_FILES = ['.github/workflows/ledger-step.yml', '.gitea/workflows/ledger-step.yml', '.gitlab/ledger-step.yml'] as const;

const BEGIN = '# >>> written by `npm run forge:files` from the workflow table (src/domain/workflow.ts): do not edit by hand';
const END = '# <<< end of what `npm run forge:files` writes';

/** Every action with its Chinese names (an edge's differ per workflow: 登记报备 / 分解立项). */
export function forgeActions(): { action: string; label: string }[] {
  return stepCatalogue().map((s) => {
    const edgeLabels = s.type === 'edge' ? Object.values(WORKFLOWS).flatMap((w) => w.edges.filter((e) => e.action === s.action).map((e) => e.label)) : [];
    return { action: s.action, label: [...new Set(edgeLabels.length ? edgeLabels : [s.label])].join(' / ') };
  });
}

const quote = (s: string) => JSON.stringify(s);

/** The lines between the markers, for a file, at an indent. */
function block(file: string, indent: string): string[] {
  const actions = forgeActions();
  const width = Math.max(...actions.map((a) => a.action.length));
  const legend = actions.map((a) => `#   ${a.action.padEnd(width)}  ${a.label}`);
  const names = actions.map((a) => a.action);
  const body = file.startsWith('.gitlab/')
    ? [
        ...legend,
        `description: ${quote(`台账办理：办理环节，留空则不办理。可选：${names.join(', ')}（见 npx ledger --help 和 records/README.md）`)}`,
        `options: [${['', ...names].map(quote).join(', ')}]`,
      ]
    : [...legend, `options: [${names.join(', ')}]`];
  return [BEGIN, ...body, END].map((l) => `${indent}${l}`);
}

export class ForgeFileError extends Error {}

/** `text` with the part between the markers written anew from the table. */
export function updateForgeFile(file: string, text: string): string {
  const lines = text.split('\n');
  const begin = lines.findIndex((l) => l.trim() === BEGIN);
  const end = lines.findIndex((l, i) => i > begin && l.trim() === END);
  if (begin < 0 || end < 0) throw new ForgeFileError(`${file}: the markers “${BEGIN}” and “${END}” are missing`);
  const indent = /^\s*/.exec(lines[begin]!)![0];
  return [...lines.slice(0, begin), ...block(file, indent), ...lines.slice(end + 1)].join('\n');
}
