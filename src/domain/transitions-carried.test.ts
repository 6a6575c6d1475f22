/**
 * A step is held to its role even when another commit carries it (found by
 * the history mutation property, tests/property/mutations.test.ts): a new
 * item that arrives with fields beyond its creation step, or a state move
 * that records the fields of a step never committed on its own (a
 * cancellation after a dropped 交办), is judged as if its author had taken
 * each step it carries. The office, which may take them all, is accepted; a
 * unit head filing an application already "approved", or a main leader
 * recording the office's 启动 inside a cancellation, is not.
 */
import { describe, expect, it } from 'vitest';
import { changeCodes, itemAt, only, STEP_VALUES } from '../../tests/support/table-items.ts';

describe('a new item carrying more than its creation step', () => {
  it('a unit filing an application with the main leader’s approval already in it is refused', () => {
    expect(changeCodes(undefined, itemAt('special', 'applied', { approval: STEP_VALUES.approval }), only('unit'))).toEqual(['wrong-committer']);
    expect(changeCodes(undefined, itemAt('special', 'applied'), only('unit'))).toEqual([]);
  });

  it('list entries and the flag are held to their amendments’ roles; a return entry needs the return', () => {
    const review = { date: '2026-03-02', by: 'only-office', report: '2026-03-02-urban.md', result: 'accepted' };
    expect(changeCodes(undefined, itemAt('special', 'applied', { reviews: [review] }), only('unit'))).toEqual(['wrong-committer']);
    expect(changeCodes(undefined, itemAt('special', 'applied', { flag: { date: '2026-03-02', by: 'only-office', reason: '急' } }), only('unit'))).toEqual(['wrong-committer']);
    expect(changeCodes(undefined, itemAt('superior', 'registered', { reminders: [{ date: '2026-03-02', method: 'phone', to: ['城管办'], by: 'only-office' }] }), only('office'))).toEqual([]);
    expect(changeCodes(undefined, itemAt('superior', 'registered', { returns: [{ date: '2026-03-02', by: 'only-office', reason: '退回' }] }), only('office'))).toEqual(['entry-without-step']);
  });

  it('the office may register an item with the instruction it recorded on the leader’s behalf', () => {
    expect(changeCodes(undefined, itemAt('superior', 'registered', { instruction: STEP_VALUES.instruction }), only('office'))).toEqual([]);
  });
});

describe('a state move carrying a step never committed on its own', () => {
  it('a main leader cancelling a planned inspection while recording its 启动 (the office’s step) is refused', () => {
    const planned = itemAt('special', 'planned');
    const carried = { ...planned, state: 'cancelled', inspection: STEP_VALUES.inspection, cancellation: STEP_VALUES.cancellation };
    expect(changeCodes(planned, carried, only('main_leader'))).toEqual(['wrong-committer']);
    expect(changeCodes(planned, carried, only('office'))).toEqual([]);
  });

  it('the office merging an application whose approval it records in the same commit is accepted (it may commit the approval)', () => {
    const applied = itemAt('special', 'applied');
    const merged = { ...applied, state: 'merged', approval: STEP_VALUES.approval, merge: STEP_VALUES.merge };
    expect(changeCodes(applied, merged, only('office'))).toEqual([]);
  });
});
