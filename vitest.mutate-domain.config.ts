/**
 * The quick profile of mutation testing (`npm run mutate:domain`): only the
 * pure tests of src/domain and src/format (no Git, no processes), so a
 * mutant of the domain is judged in well under a second. The full profile
 * (`npm run mutate`, vitest.mutate.config.ts) adds the checker's Git tests.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/domain/**/*.test.ts', 'src/format/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
