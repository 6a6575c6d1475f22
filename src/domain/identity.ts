/**
 * Who made a commit, as far as anyone can tell. The author and committer
 * are whatever the commit says (anyone can set `user.email`); a signature
 * binds the commit to a key; a forge's hook knows the account that pushed.
 * The history check takes the strongest of these it has: the person whose
 * roles are checked must be the one the signature or the server names.
 * Pure: the checker looks the people up; this judges.
 */
import { issue, type CommitRef, type Issue } from './issues.ts';
import type { Person } from './schemas/people.ts';

/** The account that pushed, as the server's hook reports it. */
export interface Pusher {
  /** Forge user name (GITEA_PUSHER_NAME, GL_USERNAME, GITHUB_USER_LOGIN, LEDGER_PUSHER). */
  login?: string;
  /** Account e-mail, when the forge tells it (GITEA_PUSHER_EMAIL). */
  email?: string;
  /** Which variable said so, for messages. */
  source: string;
}

export interface IdentityInput {
  commit: CommitRef;
  file: string;
  author?: Person;
  /** How messages name the author and committer (built only when one is needed). */
  authorText: () => string;
  committer?: Person;
  committerText: () => string;
  /** `%G?` */
  signature: string;
  /** `%GS` */
  signer: string;
  signerPerson?: Person;
  requireSigned: boolean;
  pusher?: Pusher & { person?: Person; automation: boolean };
  /** A merge that changed nothing beyond what its sides did: no identity to bind. */
  cleanMerge: boolean;
}

/**
 * Whose roles a commit is judged by: the author; but the committer when
 * the server names the committer as the pusher (someone recording on
 * another's behalf acts with their own roles, not the author's).
 */
export function actingPerson(author: Person | undefined, committer: Person | undefined, pusher: IdentityInput['pusher']): Person | undefined {
  if (pusher && !pusher.automation && pusher.person && pusher.person.id !== author?.id && pusher.person.id === committer?.id) return committer;
  return author;
}

const GOOD = ['G', 'U'];

/** Signature and pusher: is the commit bound to the person it names? */
export function identityIssues(i: IdentityInput): Issue[] {
  const where = { file: i.file, line: 1, commit: i.commit };
  const out: Issue[] = [];
  if (i.requireSigned && !GOOD.includes(i.signature)) {
    out.push(issue('unsigned-commit', where, { status: i.signature || 'N' }));
  } else if (i.requireSigned && !i.cleanMerge && (!i.signerPerson || (i.signerPerson.id !== i.author?.id && i.signerPerson.id !== i.committer?.id))) {
    out.push(issue('signer-not-author', where, { signer: i.signer || '未登记的密钥', author: i.authorText(), committer: i.committerText() }));
  }
  const p = i.pusher;
  if (p && !p.automation && !i.cleanMerge && p.person && p.person.id !== i.author?.id && p.person.id !== i.committer?.id) {
    out.push(
      issue('pusher-not-author', where, {
        author: i.authorText(),
        committer: i.committerText(),
        pusher: p.person.name,
        login: p.login ?? p.email ?? '',
      }),
    );
  }
  return out;
}
