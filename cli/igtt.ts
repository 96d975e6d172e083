/**
 * The `igtt` command: wiring only. Builds the real context (this process's streams, environment
 * and home, the built host next to the bundle) and exits with the command's code.
 */
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { errnoCode } from './errno-code';
import { runCli } from './run-cli';

// Bundled, this file is cli/dist/igtt.mjs and the host sits beside it; run from source (tsx), the
// host is the one `npm run build:cli` wrote to cli/dist/.
const hostScript = fileURLToPath(
  new URL(
    import.meta.url.endsWith('.mjs') ? './igtt-host.mjs' : './dist/igtt-host.mjs',
    import.meta.url,
  ),
);

// Scripts often cut igtt's output short (`igtt list | head -1`); a closed pipe is not an error.
process.stdout.on('error', (error: Error) => {
  if (errnoCode(error) === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  home: homedir(),
  platform: process.platform,
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  now: Date.now,
  nodePath: process.execPath,
  hostScript,
});
