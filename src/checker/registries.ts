/**
 * The registries (people, units, config) as of one commit, indexed for the
 * history check: who an e-mail, a forge user name or a signer is, whether
 * signatures are required, who the automation account is. Rebuilt only for
 * the part a commit changes.
 */
import { emptyLedger, type Ledger } from '../domain/ledger.ts';
import type { Person } from '../domain/schemas/people.ts';
import { configPath, peoplePath, unitsPath } from '../format/layout.ts';
import { loadOne } from '../format/load-ledger.ts';

export type RegistryKind = 'people' | 'units' | 'config';
export const REGISTRY_KINDS = new Set<string>(['people', 'units', 'config']);

export interface Registries {
  ledger: Ledger;
  emails: Map<string, Person>;
  forgeUsers: Map<string, Person>;
  requireSigned: boolean;
  /** The automation account's forge user names and e-mails (lower case). */
  automation: Set<string>;
}

function index(ledger: Ledger): Registries {
  const emails = new Map<string, Person>();
  const forgeUsers = new Map<string, Person>();
  for (const p of ledger.people) {
    for (const e of p.value.emails) emails.set(e, p.value);
    for (const u of p.value.forge_users ?? []) forgeUsers.set(u.toLowerCase(), p.value);
  }
  const git = ledger.config?.value.git;
  const automation = new Set([...(git?.automation?.forge_users ?? []), ...(git?.automation?.emails ?? [])].map((s) => s.toLowerCase()));
  return { ledger, emails, forgeUsers, requireSigned: git?.require_signed ?? false, automation };
}

export function buildRegistries(texts: Partial<Record<RegistryKind, Uint8Array | null>>): Registries {
  const ledger = emptyLedger();
  const load = (kind: RegistryKind, path: string) => {
    const t = texts[kind];
    if (t) loadOne(ledger, { path, text: t }, { kind });
  };
  load('people', peoplePath());
  load('units', unitsPath());
  load('config', configPath());
  return index(ledger);
}

/** The registries after a commit changed one of them: rebuild that part, keep the rest. */
export function withRegistry(regs: Registries, kind: RegistryKind, text: Uint8Array | null): Registries {
  const fresh = buildRegistries({ [kind]: text }).ledger;
  const merged = emptyLedger();
  merged.people = kind === 'people' ? fresh.people : regs.ledger.people;
  merged.units = kind === 'units' ? fresh.units : regs.ledger.units;
  merged.config = kind === 'config' ? fresh.config : regs.ledger.config;
  return index(merged);
}

/** The person an identity names: an e-mail, a forge user name, or a signer (`Name <email>` or a bare e-mail principal). */
export function personOf(regs: Registries, who: { email?: string; login?: string; signer?: string }): Person | undefined {
  if (who.login) {
    const p = regs.forgeUsers.get(who.login.toLowerCase());
    if (p) return p;
  }
  const email = who.email ?? (who.signer ? (/<([^>]+)>/.exec(who.signer)?.[1] ?? who.signer).trim() : undefined);
  return email ? regs.emails.get(email.toLowerCase()) : undefined;
}
