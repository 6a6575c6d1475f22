/**
 * Who made a commit, over real repositories: signed commits with a real
 * SSH key made here (gpg.format=ssh and an allowed-signers file: no gpg
 * agent), checked when `git.require_signed` is set; the signer must be the
 * author or committer. The pusher binding is tested through the real hook
 * (scripts/hooks/pre-receive.test.ts); here, through the library.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRange } from './check-range.ts';
import { itemFile, PEOPLE, record, superiorItem, TestRepo } from './test-repo.ts';

const F = itemFile('DB-2026-0001');
let keys: string;
const key = (who: string) => join(keys, who);

beforeAll(() => {
  try {
    execFileSync('ssh-keygen', ['-V'], { stdio: 'ignore' });
  } catch {
    // ssh-keygen prints its usage and exits non-zero on -V in older versions; only a missing binary is fatal
  }
  keys = mkdtempSync(join(tmpdir(), 'ledger-keys-'));
  for (const who of ['wang-fang', 'zhang-wei']) {
    try {
      execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', who, '-f', key(who)]);
    } catch (e) {
      throw new Error(`ssh-keygen is needed for the signed-commit tests (apt-get install -y openssh-client): ${(e as Error).message}`);
    }
  }
});
afterAll(() => rmSync(keys, { recursive: true, force: true }));

/** A repository requiring signatures, whose verifier trusts each person's key for their e-mail. */
function signedRepo(): TestRepo {
  const repo = TestRepo.create({
    registries: { 'records/config.yml': { organisation: '测试街道', office: '测试街道考核督查办', bulletin_name: '测试督查', git: { require_signed: true } } },
  });
  const allowed = join(repo.dir, '.git', 'allowed_signers');
  const line = (who: 'wang-fang' | 'zhang-wei') => `${PEOPLE[who].emails[0]} namespaces="git" ${execFileSync('cat', [`${key(who)}.pub`], { encoding: 'utf8' }).trim()}`;
  writeFileSync(allowed, `${line('wang-fang')}\n${line('zhang-wei')}\n`);
  repo.git('config', 'gpg.ssh.allowedSignersFile', allowed);
  return repo;
}

describe('git.require_signed', () => {
  it('a commit signed with the author’s own key is accepted', async () => {
    const repo = signedRepo();
    repo.commit({ by: 'wang-fang', date: '2026-03-02', files: { [F]: record(superiorItem('DB-2026-0001', 'registered')) }, signWith: key('wang-fang') });
    const r = await checkRange(repo.dir, { range: 'HEAD~1..HEAD' });
    expect(r.issues).toEqual([]);
    repo.remove();
  });

  it('an unsigned commit is refused', async () => {
    const repo = signedRepo();
    repo.commit({ by: 'wang-fang', date: '2026-03-02', files: { [F]: record(superiorItem('DB-2026-0001', 'registered')) } });
    expect(await repo.codes()).toEqual(['unsigned-commit']);
    repo.remove();
  });

  it('a commit signed with someone else’s key is refused: the signer must be the author or committer', async () => {
    const repo = signedRepo();
    repo.commit({ by: 'wang-fang', date: '2026-03-02', files: { [F]: record(superiorItem('DB-2026-0001', 'registered')) }, signWith: key('zhang-wei') });
    const r = await repo.check();
    expect(r.issues.map((i) => i.code)).toEqual(['signer-not-author']);
    expect(r.issues[0]!.message).toBe('此提交由 zhang.wei@zf.gov.cn 签名，但作者是 王芳（wang.fang@zf.gov.cn）、提交者是 王芳（wang.fang@zf.gov.cn）');
    repo.remove();
  });

  it('a key the verifier does not know: Git calls it good (U), but it names no one, so it is refused', async () => {
    const repo = signedRepo();
    writeFileSync(join(repo.dir, '.git', 'allowed_signers'), '');
    repo.commit({ by: 'wang-fang', date: '2026-03-02', files: { [F]: record(superiorItem('DB-2026-0001', 'registered')) }, signWith: key('wang-fang') });
    const r = await repo.check();
    expect(r.issues.map((i) => i.code)).toEqual(['signer-not-author']);
    expect(r.issues[0]!.message).toMatch(/^此提交由 未登记的密钥 签名/);
    repo.remove();
  });

  it('a commit that switches the requirement off is itself still held to it', async () => {
    const repo = signedRepo();
    repo.commit({ by: 'wang-fang', date: '2026-03-02', files: { 'records/config.yml': 'organisation: 测试街道\noffice: 测试街道考核督查办\nbulletin_name: 测试督查\n' } });
    expect(await repo.codes()).toEqual(['unsigned-commit']);
    repo.remove();
  });
});

describe('the pusher, through the library', () => {
  it('is bound to the author or committer of each new commit', async () => {
    const repo = TestRepo.create();
    repo.commit({ by: 'wang-fang', date: '2026-03-02', files: { [F]: record(superiorItem('DB-2026-0001', 'registered')) } });
    const as = (login: string) => checkRange(repo.dir, { range: 'HEAD~1..HEAD', pusher: { login, source: 'LEDGER_PUSHER' } }).then((r) => r.issues.map((i) => i.code));
    expect(await as('wang.fang')).toEqual([]);
    expect(await as('li.ming')).toEqual(['pusher-not-author']);
    expect(await as('nobody')).toEqual(['unknown-pusher']);
    repo.remove();
  });
});
