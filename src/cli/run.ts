/** Entry of the `ledger` bin: run the program on the process's arguments. */
import { runMain } from './main.ts';

process.exitCode = await runMain(process.argv.slice(2));
