/** `onebag [--data DIR] <command>` — the command line over the same core as the app. */
import { runCli } from './run';
import '../../shared/zodChinese';

// `onebag cadres | head`: a closed pipe is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

let finished = false;
// A promise that can never settle would otherwise end the process silently with code 0.
process.on('beforeExit', () => {
  if (finished) return;
  finished = true;
  process.stderr.write('错误：内部错误，操作未完成（异步操作意外中止）\n');
  process.exitCode = 1;
});

void runCli(process.argv.slice(2)).then((code) => {
  finished = true;
  process.exitCode = code;
});
