import type { Command, Option } from 'commander';
import { TweetAuditError } from '../errors.js';

/** Options whose value is a file name, completed as such; other values are free text. */
const FILE_VALUES = /<(?:file|file\.svg)>/;

interface OptionSpec {
  long?: string;
  short?: string;
  description: string;
  takesValue: boolean;
  choices: string[];
  file: boolean;
}

interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  /** True when it takes archive (file) arguments. */
  files: boolean;
}

function optionSpec(option: Option): OptionSpec {
  return {
    long: option.long,
    short: option.short,
    description: option.description,
    takesValue: option.required || option.optional,
    choices: option.argChoices ?? [],
    file: FILE_VALUES.test(option.flags),
  };
}

/** The command line as data, read from commander's own definitions (so completions never drift). */
function describe(program: Command): CommandSpec[] {
  return program.commands.map((command) => ({
    name: command.name(),
    description: command.description(),
    options: [
      ...command.options.map(optionSpec),
      {
        long: '--help',
        short: '-h',
        description: 'display help for command',
        takesValue: false,
        choices: [],
        file: false,
      },
    ],
    files: command.registeredArguments.length > 0 && command.name() !== 'completion',
  }));
}

/** The completion script for `shell`, generated from the program's commands and options. */
export function completionScript(program: Command, shell: string): string {
  const commands = describe(program);
  if (shell === 'bash') return bash(commands);
  if (shell === 'zsh') return zsh(commands);
  if (shell === 'fish') return fish(commands);
  throw new TweetAuditError(`no completion for "${shell}": choose bash, zsh or fish`);
}

function flagsOf(option: OptionSpec): string[] {
  return [option.long, option.short].filter((flag): flag is string => Boolean(flag));
}

function bash(commands: CommandSpec[]): string {
  const lines = [
    '# bash completion for tweet-audit, made by `tweet-audit completion bash`',
    '_tweet_audit() {',
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" cmd="" i',
    '  for ((i = 1; i < COMP_CWORD; i++)); do',
    '    case "${COMP_WORDS[i]}" in -*) ;; *) cmd="${COMP_WORDS[i]}"; break ;; esac',
    '  done',
    '  COMPREPLY=()',
    '  if [[ -z "$cmd" ]]; then',
    `    COMPREPLY=($(compgen -W "${commands.map((c) => c.name).join(' ')} --help --version" -- "$cur"))`,
    '    return',
    '  fi',
    '  case "$cmd" in',
  ];
  for (const command of commands) {
    lines.push(`    ${command.name})`);
    lines.push('      case "$prev" in');
    for (const option of command.options.filter((o) => o.takesValue)) {
      const action =
        option.choices.length > 0
          ? `COMPREPLY=($(compgen -W "${option.choices.join(' ')}" -- "$cur"))`
          : option.file
            ? 'COMPREPLY=($(compgen -f -- "$cur"))'
            : ':';
      lines.push(`        ${flagsOf(option).join('|')}) ${action}; return ;;`);
    }
    lines.push('      esac');
    const words = command.options
      .flatMap(flagsOf)
      .filter((flag) => flag.startsWith('--'))
      .join(' ');
    const args =
      command.name === 'completion'
        ? 'compgen -W "bash zsh fish" -- "$cur"'
        : command.files
          ? 'compgen -f -- "$cur"'
          : 'true';
    lines.push(
      `      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "${words}" -- "$cur")); else COMPREPLY=($(${args})); fi`,
    );
    lines.push('      ;;');
  }
  lines.push('  esac', '}', 'complete -o filenames -o bashdefault -F _tweet_audit tweet-audit', '');
  return lines.join('\n');
}

/** Single quotes for shells: '…' with ' written as '\''. */
function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function zshEscape(text: string): string {
  return text.replace(/[\\[\]:']/g, (c) => (c === "'" ? "'\\''" : `\\${c}`));
}

function zsh(commands: CommandSpec[]): string {
  const lines = [
    '#compdef tweet-audit',
    '# zsh completion for tweet-audit, made by `tweet-audit completion zsh`',
    '_tweet_audit() {',
    '  local -a commands',
    '  commands=(',
    ...commands.map((c) => `    ${quote(`${c.name}:${c.description.replace(/:/g, '\\:')}`)}`),
    '  )',
    '  if (( CURRENT == 2 )); then',
    "    _describe 'command' commands",
    '    return',
    '  fi',
    '  local cmd=${words[2]}',
    '  shift words; (( CURRENT-- ))',
    '  case $cmd in',
  ];
  for (const command of commands) {
    const specs = command.options.map((option) => {
      const value = option.takesValue
        ? option.choices.length > 0
          ? `:value:(${option.choices.join(' ')})`
          : option.file
            ? ':file:_files'
            : ':value: '
        : '';
      const description = `[${zshEscape(option.description)}]`;
      const flags = flagsOf(option);
      return flags.length > 1
        ? `'(${flags.join(' ')})'{${flags.join(',')}}'${description}${value}'`
        : `'${flags[0]}${description}${value}'`;
    });
    const rest =
      command.name === 'completion' ? "'1:shell:(bash zsh fish)'" : command.files ? "'*:archive:_files'" : '';
    lines.push(
      `    ${command.name})`,
      `      _arguments ${[...specs, rest].filter(Boolean).join(' \\\n        ')}`,
      '      ;;',
    );
  }
  lines.push('  esac', '}', '_tweet_audit "$@"', '');
  return lines.join('\n');
}

function fish(commands: CommandSpec[]): string {
  const lines = [
    '# fish completion for tweet-audit, made by `tweet-audit completion fish`',
    'complete -c tweet-audit -f',
    ...commands.map((c) => `complete -c tweet-audit -n __fish_use_subcommand -a ${c.name} -d ${quote(c.description)}`),
  ];
  for (const command of commands) {
    const when = `-n ${quote(`__fish_seen_subcommand_from ${command.name}`)}`;
    if (command.files) lines.push(`complete -c tweet-audit ${when} -F`);
    if (command.name === 'completion') lines.push(`complete -c tweet-audit ${when} -a 'bash zsh fish'`);
    for (const option of command.options) {
      const parts = ['complete -c tweet-audit', when];
      if (option.long) parts.push(`-l ${option.long.slice(2)}`);
      if (option.short) parts.push(`-s ${option.short.slice(1)}`);
      if (option.takesValue) parts.push(option.file ? '-r -F' : '-r');
      if (option.choices.length > 0) parts.push(`-a ${quote(option.choices.join(' '))}`);
      parts.push(`-d ${quote(option.description)}`);
      lines.push(parts.join(' '));
    }
  }
  return `${lines.join('\n')}\n`;
}
