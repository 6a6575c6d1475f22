/**
 * The tests Stryker runs against each mutant of src/domain and src/checker
 * (`npm run mutate`): the unit, rule and Git-history tests of those folders
 * and of src/format. Left out: the browser, CLI, site and benchmark tests
 * (they test other layers, and spawn processes that do not see the
 * mutant), and the property tests in tests/property (each run writes dozens
 * of Git histories: they run in `npm test`, not once per mutant).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/domain/**/*.test.ts', 'src/checker/**/*.test.ts', 'src/format/**/*.test.ts'],
    exclude: ['src/checker/check-cli.test.ts', 'src/checker/agreement.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
