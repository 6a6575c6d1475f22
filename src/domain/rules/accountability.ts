/**
 * 问责 and the 纪工委 (notice 三、（四）): an order to another department to
 * pursue responsibility names that department; the 纪工委's receipts and
 * outcomes answer a referral that exists, once each, in order.
 */
import type { Issue } from '../issues.ts';
import type { Item } from '../schemas/item.ts';
import { at, type Rule } from './context.ts';
import { duplicates } from './handling.ts';

export const accountabilityKinds: Rule = (ctx) => {
  const out: Issue[] = [];
  for (const rec of ctx.ledger.items) {
    rec.value.accountability.forEach((a, i) => {
      if (a.kind === 'ordered' && !a.ordered_to) {
        out.push(at(rec, ['accountability', i, 'kind'], 'missing-field', { field: `accountability[${i}].ordered_to`, label: '责成追究责任的部门', hint: '“责成有关部门追究责任”须写明责成哪个部门，例如 ordered_to: 街道纪工委' }));
      }
    });
  }
  return out;
};

export const referralAnswers: Rule = (ctx) => {
  const out: Issue[] = [];
  for (const rec of ctx.ledger.items) {
    const it = rec.value;
    const count = it.referrals.length;
    const answers = [
      ['referral_receipts', it.referral_receipts],
      ['referral_outcomes', it.referral_outcomes],
    ] as const;
    for (const [list, entries] of answers) {
      entries.forEach((e, i) => {
        const referral = it.referrals[e.referral - 1];
        if (!referral) {
          out.push(at(rec, [list, i, 'referral'], 'referral-number', { field: `${list}[${i}].referral`, n: e.referral, count }));
          return;
        }
        const receipt = it.referral_receipts.find((r) => r.referral === e.referral);
        if (list === 'referral_outcomes' && !receipt) out.push(at(rec, [list, i, 'referral'], 'referral-receipt', { n: e.referral }));
        const [earlier, earlierDate] = list === 'referral_outcomes' && receipt ? ['纪工委签收', receipt.date] : [`第 ${e.referral} 条移送`, referral.date];
        if (e.date < earlierDate) out.push(at(rec, [list, i, 'date'], 'date-order', { later: `第 ${i + 1} 条${list === 'referral_receipts' ? '签收' : '处理结果反馈'}`, laterDate: e.date, earlier, earlierDate }));
      });
    }
    out.push(...duplicates(rec, 'referral_receipts', (e: Item['referral_receipts'][number]) => String(e.referral), (k) => `第 ${k} 条移送的签收`, 'referral'));
  }
  return out;
};
