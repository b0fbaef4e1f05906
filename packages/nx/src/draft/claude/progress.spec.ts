import { createProgress, isInteractive } from './progress';

/** A terminal as ora drives it: it writes, clears lines and moves the cursor. */
function fakeTerminal() {
  const terminal = {
    output: '',
    isTTY: true,
    columns: 100,
    write: (text: string) => ((terminal.output += text), true),
    clearLine: () => true,
    cursorTo: () => true,
    moveCursor: () => true,
  };
  return terminal;
}

describe('progress', () => {
  it('animates only on a terminal outside CI', () => {
    expect(isInteractive({ write: () => true, isTTY: true }, {})).toBe(true);
    expect(isInteractive({ write: () => true, isTTY: true }, { CI: 'true' })).toBe(false);
    expect(isInteractive({ write: () => true, isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(isInteractive({ write: () => true }, {})).toBe(false);
  });

  it('shows a spinner with the tokens received and the time spent on a terminal', async () => {
    const terminal = fakeTerminal();
    const progress = createProgress(terminal, {});
    progress.start('Drafting the checklist plan');
    progress.received(4_000);
    await new Promise((resolve) => setTimeout(resolve, 150));
    progress.stop();
    expect(terminal.output).toContain('\u001B[?25l'); // cursor hidden while it spins
    expect(terminal.output).toMatch(/Drafting the checklist plan · ~1,000 tokens received · \d+\.\ds/);
    expect(terminal.output.endsWith('\u001B[?25h')).toBe(true); // and shown again
  });

  it('prints plain lines, at most one per interval, when not on a terminal', () => {
    let now = 0;
    let output = '';
    const progress = createProgress({ write: (text) => (output += text), isTTY: true }, { CI: '1' }, () => now);
    progress.start('Drafting');
    now = 5_000;
    progress.received(400);
    now = 10_000;
    progress.received(4_000);
    now = 12_000;
    progress.received(8_000);
    progress.stop();
    expect(output).toBe('Drafting...\nDrafting · ~1,000 tokens received · 10.0s\n');
  });
});
