/** This package's version, for `--version` and SARIF's tool driver. */
export function packageVersion(): string {
  // package.json sits two folders up from src/utils and dist/utils alike; require reads JSON in the CommonJS build.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../../package.json') as { version: string }).version;
}
