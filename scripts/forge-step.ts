/**
 * `npm run forge:step`: take one step of the ledger from a forge workflow
 * run (GitHub Actions, Gitea Actions, GitLab CI) — see src/cli/forge-run.ts
 * for the variables it reads. The workflow files in .github/, .gitea/ and
 * .gitlab/ call it.
 */
import { runForgeStep } from '../src/cli/forge-run.ts';

process.exitCode = await runForgeStep(process.env, { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) });
