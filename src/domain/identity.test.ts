/**
 * Who made a commit, judged directly (pure; the Git and hook tests go
 * through real repositories and a real push): whose roles count — the
 * author, or the committer when the server names the committer as the
 * pusher; the signature required and bound to the author or committer;
 * the pusher bound to the author or committer, the automation account and
 * a clean merge excepted. Each refusal names the file, line 1 and commit.
 */
import { describe, expect, it } from 'vitest';
import { actingPerson, identityIssues, type IdentityInput } from './identity.ts';
import type { Person } from './schemas/people.ts';

const person = (id: string): Person => ({ id, name: `名${id}`, title: '', roles: ['office'], emails: [`${id}@x.cn`], active: true });
const A = person('author');
const C = person('committer');
const P = person('pusher');
const commit = { sha: 'abc1234', author: '名author', email: 'author@x.cn', date: '2026-06-01' };

const input = (patch: Partial<IdentityInput> = {}): IdentityInput => ({
  commit,
  file: 'records/items/2026/DB-2026-0001/item.md',
  author: A,
  authorText: () => '作者文本',
  committer: C,
  committerText: () => '提交者文本',
  signature: 'N',
  signer: '',
  requireSigned: false,
  cleanMerge: false,
  ...patch,
});
const pusher = (person: Person | undefined, automation = false) => ({ login: 'login-x', source: 'Gitea：GITEA_PUSHER_NAME', person, automation });
const codes = (patch: Partial<IdentityInput>) => identityIssues(input(patch)).map((i) => i.code);

describe('whose roles a commit is judged by', () => {
  it('the author, unless the server names the committer as the pusher', () => {
    expect(actingPerson(A, C, undefined)).toBe(A);
    expect(actingPerson(A, C, pusher(C))).toBe(C);
    expect(actingPerson(A, C, pusher(A))).toBe(A);
    // the pusher is neither: still the author (the pusher rule refuses it)
    expect(actingPerson(A, C, pusher(P))).toBe(A);
    // the automation account pushing: the author
    expect(actingPerson(A, C, pusher(C, true))).toBe(A);
    // a pusher the registry does not know: the author
    expect(actingPerson(A, C, pusher(undefined))).toBe(A);
    // author and committer the same person
    expect(actingPerson(A, A, pusher(A))).toBe(A);
    // an unknown author committed by the pusher: the committer
    expect(actingPerson(undefined, C, pusher(C))).toBe(C);
    expect(actingPerson(undefined, C, undefined)).toBeUndefined();
    // no committer in the registry, a pusher who is not the author: the author
    expect(actingPerson(A, undefined, pusher(P))).toBe(A);
  });
});

describe('signatures', () => {
  it('not required: nothing asked', () => {
    expect(codes({ signature: 'N' })).toEqual([]);
    expect(codes({ signature: 'B' })).toEqual([]);
  });

  it('required: a good signature (G, or U: good but the key unlisted) by the author or the committer', () => {
    expect(codes({ requireSigned: true, signature: 'G', signerPerson: A })).toEqual([]);
    expect(codes({ requireSigned: true, signature: 'U', signerPerson: C })).toEqual([]);
    expect(codes({ requireSigned: true, signature: 'G', signerPerson: P })).toEqual(['signer-not-author']);
    expect(codes({ requireSigned: true, signature: 'G', signerPerson: undefined })).toEqual(['signer-not-author']);
    expect(codes({ requireSigned: true, signature: 'G', signerPerson: A, author: undefined })).toEqual(['signer-not-author']);
    expect(codes({ requireSigned: true, signature: 'G', signerPerson: C, committer: undefined })).toEqual(['signer-not-author']);
    expect(codes({ requireSigned: true, signature: 'G', signerPerson: A, author: undefined, committer: A })).toEqual([]);
  });

  it('required: no signature or a bad one is refused, saying which', () => {
    for (const s of ['N', 'B', 'E', 'X', 'Y', 'R']) expect(codes({ requireSigned: true, signature: s, signerPerson: A }), s).toEqual(['unsigned-commit']);
    const [none] = identityIssues(input({ requireSigned: true, signature: '' }));
    const [bad] = identityIssues(input({ requireSigned: true, signature: 'B' }));
    expect(none!.message).toContain('没有签名');
    expect(bad!.message).toContain('（B）');
    expect(none).toMatchObject({ file: 'records/items/2026/DB-2026-0001/item.md', line: 1, commit });
  });

  it('a clean merge needs no signer of its own, but still a signature', () => {
    expect(codes({ requireSigned: true, signature: 'G', signerPerson: P, cleanMerge: true })).toEqual([]);
    expect(codes({ requireSigned: true, signature: 'N', cleanMerge: true })).toEqual(['unsigned-commit']);
  });

  it('names the signer, the author and the committer', () => {
    const [i] = identityIssues(input({ requireSigned: true, signature: 'G', signer: 'someone@x.cn', signerPerson: P }));
    expect(i!.message).toContain('someone@x.cn');
    expect(`${i!.message}${i!.hint ?? ''}`).toContain('作者文本');
    const [unlisted] = identityIssues(input({ requireSigned: true, signature: 'U', signer: '', signerPerson: undefined }));
    expect(unlisted!.message).toContain('未登记的密钥');
  });
});

describe('the pusher', () => {
  it('must be the author or the committer', () => {
    expect(codes({ pusher: pusher(A) })).toEqual([]);
    expect(codes({ pusher: pusher(C) })).toEqual([]);
    expect(codes({ pusher: pusher(P) })).toEqual(['pusher-not-author']);
    expect(codes({ pusher: pusher(P), author: undefined })).toEqual(['pusher-not-author']);
    expect(codes({ pusher: pusher(P), committer: undefined })).toEqual(['pusher-not-author']);
    expect(codes({ pusher: pusher(A), author: undefined, committer: A })).toEqual([]);
    expect(codes({ pusher: pusher(C), author: C, committer: undefined })).toEqual([]);
  });

  it('the automation account, an unknown pusher (refused elsewhere) and a clean merge are not held to it', () => {
    expect(codes({ pusher: pusher(P, true) })).toEqual([]);
    expect(codes({ pusher: pusher(undefined) })).toEqual([]);
    expect(codes({ pusher: pusher(P), cleanMerge: true })).toEqual([]);
  });

  it('names the pusher and the account the server gave, the login or else the e-mail', () => {
    const [i] = identityIssues(input({ pusher: pusher(P) }));
    expect(i).toMatchObject({ code: 'pusher-not-author', file: 'records/items/2026/DB-2026-0001/item.md', line: 1, commit });
    expect(i!.message).toContain('名pusher');
    expect(`${i!.message}${i!.hint ?? ''}`).toContain('login-x');
    const [byMail] = identityIssues(input({ pusher: { email: 'p@x.cn', source: 'Gitea：GITEA_PUSHER_EMAIL', person: P, automation: false } }));
    expect(`${byMail!.message}${byMail!.hint ?? ''}`).toContain('p@x.cn');
    const [neither] = identityIssues(input({ pusher: { source: 'x', person: P, automation: false } }));
    expect(`${neither!.message}${neither!.hint ?? ''}`).not.toMatch(/undefined|Stryker/);
  });
});
