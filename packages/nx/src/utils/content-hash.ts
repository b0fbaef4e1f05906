import { createHash } from 'node:crypto';

/** A short, stable content hash: enough to notice a change, short enough to read in a diff. */
export function contentHash(content: string | Buffer): string {
  return 'sha256:' + createHash('sha256').update(content).digest('hex').slice(0, 16);
}
