import { packageVersion } from '../utils/package-version';
import { UsageError, type Command, type CommandIo } from './command';

export async function runCli(commands: Command[], argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText(commands));
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`groundplan: unknown command "${name}".\n\n${helpText(commands)}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`groundplan ${name}: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    io.stderr(`groundplan ${name}: ${(error as Error).message}\n`);
    return 1;
  }
}

function helpText(commands: Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: groundplan <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run `groundplan <command> --help` for a command's options.",
    '',
  ].join('\n');
}
