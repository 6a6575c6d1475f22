/** `ledger steps <id>`: what may happen next to an item (its 督查汇报's steps too), and what each step needs. */
import { openDocumentSteps, settledDocument, STAGED, stagedByField } from '../domain/actions/document-steps.ts';
import type { DocumentKind } from '../domain/workflow.ts';
import { nextSteps, type NextStep } from '../domain/next-steps.ts';
import { recordPath } from '../format/layout.ts';
import { loadFolder } from './step-support.ts';
import { ROLE_LABELS } from '../domain/schemas/people.ts';
import { KIND_LABELS, STATE_LABELS } from '../domain/workflow.ts';
import { itemOf, openLedger, personOf } from './context.ts';
import type { Register } from './main.ts';
import { M } from './messages.ts';

const roleText = (roles: readonly string[]) => roles.map((r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? r).join('或');

function line(s: NextStep): string {
  const target = s.to ? ` → ${s.toLabel}` : '';
  const needs = s.fields.length ? `；需填写：${s.fields.map((f) => f.label).join('、')}` : '';
  return `  ${s.action.padEnd(16)}${s.label}${target}（${roleText(s.committer)}办理${needs}）`;
}

export const registerSteps: Register = (program, io) => {
  program
    .command('steps')
    .description('列出督办事项下一步可以办理的环节，以及每一步需要填写什么、由谁办理')
    .argument('<编号>', '督办事项编号，例如 DB-2026-0031')
    .option('--as <人员>', `${M.as}；只列出此人可以办理的环节`)
    .option('--json', M.json)
    .option('--dir <文件夹>', M.dir)
    .addHelpText('after', `\n${M.examples}\n  ledger steps DB-2026-0031\n  ledger steps DB-2026-0031 --as wang-fang --json\n`)
    .action((id: string, opts: { as?: string; json?: boolean; dir?: string }) => {
      const opened = openLedger(opts.dir ?? '.', [id]);
      const item = itemOf(opened, id).value;
      const person = opts.as ? personOf(opened, opts.as) : undefined;
      const docsOf = (kind: DocumentKind) => loadFolder(opened.dir, recordPath(kind, 'X')!.replace(/\/[^/]*$/, ''), STAGED[kind]!.list).map((r) => r.value as Record<string, unknown>);
      // an edge registering a document (督查汇报) waits until one is settled; the document's own steps are listed below
      const steps = nextSteps(item, person?.roles).filter(
        (s) => s.allowed !== false && !s.fields.some((f) => {
          const d = stagedByField(f.field);
          return d !== undefined && !settledDocument(d, item, docsOf(d.kind));
        }),
      );
      const documents = openDocumentSteps(item, docsOf)
        .filter((o) => !person || person.roles.some((r) => o.step.committer.includes(r)))
        .map((o) => ({ action: o.step.action, label: o.step.label, document: o.docId, committer: o.step.committer }));
      if (opts.json) {
        io.out(`${JSON.stringify({ id, kind: item.kind, state: item.state, person: person?.id, steps, documents }, null, 2)}\n`);
        return;
      }
      const head = `${item.id} ${item.title}（${KIND_LABELS[item.kind]}，${STATE_LABELS[item.state]}）`;
      const who = person ? `${person.name}可以办理：` : '下一步可以办理：';
      const docLines = documents.map((d) => `  ${d.action.padEnd(16)}${d.label}${d.document ? `（${d.document}）` : ''}（${roleText(d.committer)}办理）`);
      const body = steps.length || docLines.length ? [...steps.map(line), ...docLines].join('\n') : '  （没有可以办理的环节）';
      io.out(`${head}\n${who}\n${body}\n`);
    });
};
