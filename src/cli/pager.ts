import { spawn } from 'node:child_process';

/**
 * Shows text through the user's pager, as git and gh do: $PAGER, else `less -FRX` (quit at once
 * when it fits, keep colours, leave the text on the screen); LESS=FRX when LESS is unset. Resolves
 * false when no pager ran (PAGER empty or `cat`, or not found), so the caller writes the text itself.
 */
export function pageText(env: NodeJS.ProcessEnv, text: string): Promise<boolean> {
  const command = env.PAGER ?? 'less -FRX';
  if (command.trim() === '' || command.trim() === 'cat') return Promise.resolve(false);
  // Ctrl-C is the pager's while it runs (less uses it), as with git: it must not end tweet-audit.
  const ignore = () => undefined;
  process.on('SIGINT', ignore);
  return new Promise<boolean>((resolve) => {
    const child = spawn(command, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], env: { LESS: 'FRX', ...env } });
    child.once('error', () => resolve(false));
    // The user may quit the pager before reading it all: not an error.
    child.stdin.on('error', () => undefined);
    child.stdin.end(text);
    // 127: the shell did not find the pager; the text is still to be shown.
    child.once('close', (code) => resolve(code !== 127));
  }).finally(() => {
    process.off('SIGINT', ignore);
  });
}
