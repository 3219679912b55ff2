import { readFileSync, writeFileSync } from 'node:fs';
import { localDateOf } from '../domain/dates';
import { parseArgs, USAGE } from './args';
import { EXIT_DATA, EXIT_USAGE, runReport } from './run';

/**
 * Entry of `npm run report -- <file.csv> [options]`: the only part of the headless
 * report that touches the file system and the process. Everything else is in run.ts.
 * Exit codes: 0 written, 1 data errors, 2 usage errors (see USAGE).
 */

function main(argv: readonly string[]): number {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`report: ${parsed.error}\n`);
    return EXIT_USAGE;
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { args } = parsed;

  let bytes: Uint8Array;
  try {
    // fd 0 for '-': a pipe from another tool (`curl ... | npm run report -- -`).
    bytes = new Uint8Array(readFileSync(args.file === '-' ? 0 : args.file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message;
    process.stderr.write(`report: cannot read "${args.file}": ${why}.\n`);
    return EXIT_USAGE;
  }

  const result = runReport({
    bytes,
    fileName: args.file === '-' ? 'stdin' : args.file,
    args,
    today: localDateOf(Date.now()),
  });
  if ('error' in result) {
    process.stderr.write(`${result.error}\n`);
    return result.exitCode;
  }
  for (const w of result.warnings) process.stderr.write(`${w}\n`);

  if (args.out === null || args.out === '-') {
    process.stdout.write(result.csv);
    return 0;
  }
  try {
    writeFileSync(args.out, result.csv, 'utf8');
  } catch (e) {
    process.stderr.write(`report: cannot write "${args.out}": ${(e as Error).message}\n`);
    return EXIT_DATA;
  }
  return 0;
}

// exitCode, not exit(): a large CSV piped to stdout is flushed before the process ends.
process.exitCode = main(process.argv.slice(2));
