/**
 * `npm run demo:attachments`: make the attachment files the demo ledger's
 * records name but that are not in records/ yet (PDF, JPG, DOCX, XLSX).
 * Files already there are never touched: landed attachments are final.
 */
import { generateDemoAttachments } from '../src/demo/demo-attachments.ts';

const made = await generateDemoAttachments(process.cwd());
console.log(made.length ? `新生成附件 ${made.length} 个：\n${made.join('\n')}` : '附件齐全，没有需要生成的文件');
