/** Display names of people and units from a ledger's registries (documents print names, not ids). */
import type { Names } from '../describe.ts';
import type { Ledger } from '../ledger.ts';

export function namesOf(ledger: Ledger): Names & { unitFull: (id: string) => string } {
  const people = new Map(ledger.people.map((p) => [p.value.id, p.value]));
  const units = new Map(ledger.units.map((u) => [u.value.id, u.value]));
  return {
    person: (id) => people.get(id)?.name ?? id,
    unit: (id) => {
      const u = units.get(id);
      return u ? (u.short ?? u.name) : id;
    },
    unitFull: (id) => units.get(id)?.name ?? id,
  };
}
