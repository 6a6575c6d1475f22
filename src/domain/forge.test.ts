/**
 * The Run-workflow form's fields as a step's options: yes/no fields of the
 * table (`mergeable`) become `--x` / `--no-x`, a command's own switch
 * (`record=true`) a flag, everything else `--key value`.
 */
import { expect, it } from 'vitest';
import { stepCatalogue } from './actions/catalogue.ts';
import { fieldArgs, parseFields } from './forge.ts';

it('turns the form’s fields into options', () => {
  const apply = stepCatalogue().find((s) => s.action === 'apply')!;
  expect(fieldArgs(parseFields('mergeable=否；targets=urban,env；reason=分类准确率下降'), apply.inputs)).toEqual(['--no-mergeable', '--targets', 'urban,env', '--reason', '分类准确率下降']);
  expect(fieldArgs(parseFields('mergeable=true'), apply.inputs)).toEqual(['--mergeable']);
  const remind = stepCatalogue().find((s) => s.action === 'remind')!;
  expect(fieldArgs(parseFields('record=true；method=phone'), remind.inputs)).toEqual(['--record', '--method', 'phone']);
});
