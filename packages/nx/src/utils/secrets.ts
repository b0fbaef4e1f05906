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
  { kind: 'private-key', pattern: /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----[\s\S]*?-----END \1PRIVATE KEY\2-----/g },
  { kind: 'anthropic-key', pattern: /\bsk-ant-[A-Za-z0-9_-]{16,}/g },
  { kind: 'openai-key', pattern: /\bsk-(?:proj-)?[A-Za-z0-9_-]{32,}/g },
  { kind: 'aws-access-key', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/g },
  { kind: 'github-token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})/g },
  { kind: 'slack-token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { kind: 'google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { kind: 'stripe-key', pattern: /\b(?:sk|rk)_(?:live|test)_[0-9a-zA-Z]{16,}/g },
  { kind: 'npm-token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { kind: 'gitlab-token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/g },
  { kind: 'slack-webhook', pattern: /\bhttps:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/_-]{20,}/g },
  { kind: 'sendgrid-key', pattern: /\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/g },
  { kind: 'google-oauth-token', pattern: /\bya29\.[A-Za-z0-9_-]{20,}/g },
  { kind: 'twilio-key', pattern: /\bSK[0-9a-f]{32}\b/g },
  { kind: 'huggingface-token', pattern: /\bhf_[A-Za-z0-9]{30,}\b/g },
  { kind: 'azure-account-key', pattern: /\b(AccountKey=)[A-Za-z0-9+/]{40,}={0,2}/g, replace: (_match, head) => `${head}${redacted('azure-account-key')}` },
  {
    kind: 'basic-auth',
    pattern: /\b(Basic\s+)[A-Za-z0-9+/]{12,}={0,2}(?![\w+/=])/g,
    replace: (_match, prefix) => `${prefix}${redacted('basic-auth')}`,
  },
  { kind: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  {
    kind: 'bearer-token',
    pattern: /\b(Bearer\s+)[A-Za-z0-9._~+/-]{20,}=*/g,
    replace: (_match, prefix) => `${prefix}${redacted('bearer-token')}`,
  },
  {
    kind: 'url-password',
    pattern: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)([^\s@/]+)@/gi,
    replace: (_match, head) => `${head}${redacted('url-password')}@`,
  },
  {
    // Environment-style assignments, upper case (`DB_PASS=plainleak999`, `SMTP_PWD=...`, `export AUTH_KEY=...`):
    // short secret words that would be too loose in prose count when the name is written like a variable.
    kind: 'env-assignment',
    pattern:
      /\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_?(?:PASS|PWD|PASSWD|PASSWORD|SECRET|TOKEN|KEY|AUTH|CREDENTIALS?|DSN|SALT|SIGNATURE)(?:_[A-Z0-9]+)*\s*[=:]\s*)(?!\d+\b|\$|\[REDACTED|process\.env|(?:true|false|string|number|boolean|null|undefined)\b)(["']?)([^\s"'`,;)]{4,})\2/g,
    replace: (_match, head, quote) => `${head}${quote}${redacted('secret')}${quote}`,
  },
  {
    // YAML and prose style `password: hunter2isweak`: an unquoted value after `:`, up to the next space.
    // A TypeScript type (`password: string`, `token: Token;`, `secret: string | undefined`), a member access
    // (`config.password`), a hash recorded by a plan or a redaction already made is left alone.
    kind: 'yaml-secret',
    pattern:
      /(?<![\w.-])(["']?(?:[\w-]*(?:password|passwd|passphrase|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?)[\w-]*|(?:[\w-]*[_-])?(?:pass|pwd)(?:[_-][\w-]*)?)["']?[ \t]*:[ \t]+)(?!(?:string|number|boolean|any|unknown|null|undefined|never|object|true|false|sha\d+:)\b|\[REDACTED|process\.env|\$|\{|\(|\[|<|!)([^\s"'`]{4,})(?=\s|$)/gi,
    // A value of letters only is a word in a sentence ("tokens: input 20,356") unless it is all the line holds.
    replace: (match, head, value: string, offset: string, whole: string) =>
      looksLikeCode(value) || (/^[A-Za-z]+$/.test(value) && !holdsLine(whole, Number(offset), match)) ? match : `${head}${redacted('secret')}`,
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

/** A value after `key:` that is a type or an expression, not a secret: `Token;`, `config.password`, `Map<K, V>`. */
function looksLikeCode(value: string): boolean {
  return /^[A-Z][A-Za-z]*[;,]?$/.test(value) || /^[\w$]+(?:\.[\w$]+)+[;,]?$/.test(value) || /[;,)]$/.test(value) || /[<>|()[\]{}]/.test(value);
}

/** Whether `match` at `offset` is the whole of its line, but for indentation, a list marker or a trailing space. */
function holdsLine(text: string, offset: number, match: string): boolean {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset + match.length);
  return /^[ \t]*(?:[-*][ \t]+)?$/.test(text.slice(start, offset)) && /^[ \t]*$/.test(text.slice(offset + match.length, end === -1 ? undefined : end));
}

/** Replaces every token-like secret in `text` with `[REDACTED:<kind>]`, keeping the text around it. */
export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce(
    (current, { kind, pattern, replace }) => current.replace(pattern, (match, ...groups: string[]) => (replace ? replace(match, ...groups) : redacted(kind))),
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
