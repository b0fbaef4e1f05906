import { basename } from 'node:path';

/**
 * Secrets never leave the machine in a prompt. Two guards, used by everything that reads text for a model:
 * `isSecretPath` keeps whole files out (.env, keys, credentials), `redactSecrets` masks token-like strings
 * that slipped into text that is sent (an input that quotes a key, a config sample in a PRD).
 */

interface SecretPattern {
  kind: string;
  pattern: RegExp;
  /** Replaces the match; by default the whole match becomes `[REDACTED:<kind>]`. */
  replace?: (match: string, ...groups: string[]) => string;
}

const redacted = (kind: string) => `[REDACTED:${kind}]`;

/** Ordered: private key blocks first, so the generic rules never see half a block. */
const SECRET_PATTERNS: SecretPattern[] = [
  { kind: 'private-key', pattern: /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----[\s\S]*?-----END \1PRIVATE KEY-----/g },
  { kind: 'anthropic-key', pattern: /\bsk-ant-[A-Za-z0-9_-]{16,}/g },
  { kind: 'openai-key', pattern: /\bsk-(?:proj-)?[A-Za-z0-9_-]{32,}/g },
  { kind: 'aws-access-key', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/g },
  { kind: 'github-token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})/g },
  { kind: 'slack-token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { kind: 'google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { kind: 'stripe-key', pattern: /\b(?:sk|rk)_(?:live|test)_[0-9a-zA-Z]{16,}/g },
  { kind: 'npm-token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { kind: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  {
    kind: 'bearer-token',
    pattern: /\b(Bearer\s+)[A-Za-z0-9._~+/-]{20,}=*/g,
    replace: (_match, prefix) => `${prefix}${redacted('bearer-token')}`,
  },
  {
    kind: 'url-password',
    pattern: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)([^\s@/]+)@/gi,
    replace: (_match, head) => `${head}${redacted('url-password')}@`,
  },
  {
    // `password = hunter2`, `API_KEY: "..."`, `"client_secret": "..."`. A quoted value after `:` or `=`, or an
    // unquoted one after `=`: an unquoted value after `:` is how TypeScript writes a type (`password: string`),
    // and signatures are what the context pack is made of.
    kind: 'assignment',
    pattern:
      /\b([\w-]*(?:password|passwd|passphrase|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?)[\w-]*["']?\s*)(?:([:=])\s*(["'])(?!\d+\3)((?:(?!\3).){4,})\3|=(?![=>])\s*(?!\d+\b|process\.env|import\.meta)([^\s"',;)]{4,}))/gi,
    replace: (_match, key, sign, quote) => (sign ? `${key}${sign} ${quote}${redacted('secret')}${quote}` : `${key}=${redacted('secret')}`),
  },
];

/** Replaces every token-like secret in `text` with `[REDACTED:<kind>]`, keeping the text around it. */
export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce(
    (current, { kind, pattern, replace }) =>
      current.replace(pattern, (match, ...groups: string[]) => (replace ? replace(match, ...groups) : redacted(kind))),
    text,
  );
}

/** Files shared as examples of the format, with no real values in them. */
const EXAMPLE_SUFFIX = /\.(?:example|sample|template|dist|defaults)$/i;

const SECRET_FILE_NAMES = new Set([
  '.npmrc',
  '.yarnrc.yml',
  '.pypirc',
  '.netrc',
  '_netrc',
  '.pgpass',
  '.htpasswd',
  '.git-credentials',
  'credentials',
  'credentials.json',
  'id_rsa',
  'id_dsa',
  'id_ecdsa',
  'id_ed25519',
]);

const SECRET_FILE_PATTERN =
  /^(?:\.env(?:\..+)?|.+\.env|secrets?\.(?:json|ya?ml|toml|ini|txt|properties)|.+\.(?:pem|key|p12|pfx|jks|keystore|kdbx|tfstate|tfvars|ovpn|asc|gpg)|service-account.*\.json)$/i;

/**
 * Whether a file may hold secrets and must never be read into a prompt: `.env` files (not `.env.example`),
 * private keys and certificates' keys, package-manager and cloud credentials, Terraform state.
 */
export function isSecretPath(path: string): boolean {
  const name = basename(path.replace(/\\/g, '/'));
  if (EXAMPLE_SUFFIX.test(name)) return false;
  return SECRET_FILE_NAMES.has(name.toLowerCase()) || SECRET_FILE_PATTERN.test(name);
}
