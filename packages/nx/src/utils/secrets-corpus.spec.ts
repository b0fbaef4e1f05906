import { redactSecrets } from './secrets';

/** Realistic secrets, one kind a row: [kind, text, the secret that must not survive]. */
const SECRETS: Array<[string, string, string]> = [
  ['env PASS', 'DB_PASS=plainleak999', 'plainleak999'],
  ['env PWD', 'export SMTP_PWD="m41lPassW"', 'm41lPassW'],
  ['env SECRET_KEY', 'DJANGO_SECRET_KEY=django-insecure-x9!k2l', 'django-insecure-x9!k2l'],
  ['env AUTH token', 'SENTRY_AUTH_TOKEN: sntrys_abc123def456', 'sntrys_abc123def456'],
  ['yaml password', 'password: hunter2isweak', 'hunter2isweak'],
  ['yaml password of letters', '  password: correcthorsebattery', 'correcthorsebattery'],
  ['password in a sentence', 'Log in with password: hunter2isweak and the admin user.', 'hunter2isweak'],
  ['yaml nested secret', '  client_secret: Zq8xWv2Lm9', 'Zq8xWv2Lm9'],
  ['yaml list item', '- db_pass: s3cr3tvalue', 's3cr3tvalue'],
  ['postgres URL', 'Connect to postgres://admin:pw@db/orders', 'admin:pw@'],
  ['mongodb+srv URL', 'mongodb+srv://app:Sup3rS3cret@cluster0.mongodb.net/shop', 'Sup3rS3cret'],
  ['redis URL', 'REDIS_URL=redis://:hunter22@cache:6379/0', 'hunter22'],
  ['Anthropic key', 'use sk-ant-api03-AAAABBBBCCCCDDDDEEEE1234 here', 'sk-ant-api03-AAAABBBBCCCCDDDDEEEE1234'],
  ['OpenAI key', 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789AB', 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789AB'],
  ['AWS access key id', 'AKIAIOSFODNN7EXAMPLE', 'AKIAIOSFODNN7EXAMPLE'],
  ['AWS secret key', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'wJalrXUtnFEMI/K7MDENG'],
  ['GitHub token', 'token ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'],
  ['GitHub fine-grained PAT', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz', 'github_pat_11ABCDEFG0123456789'],
  ['GitLab token', 'glpat-xxxxXXXX1234yyyyZZZZ', 'glpat-xxxxXXXX1234yyyyZZZZ'],
  ['Slack bot token', 'xoxb-123456789012-1234567890123-abcdefghijkl', 'xoxb-123456789012'],
  ['Slack webhook', 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX', 'XXXXXXXXXXXXXXXXXXXXXXXX'],
  ['Stripe key', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'],
  ['Google API key', 'AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI', 'AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI'],
  ['Google OAuth token', 'ya29.a0AfH6SMBx1234567890abcdefghij', 'ya29.a0AfH6SMBx1234567890abcdefghij'],
  ['SendGrid key', 'SG.abcdefghijklmnopqrst.ABCDEFGHIJKLMNOPQRSTuvwxyz0123456789', 'SG.abcdefghijklmnopqrst'],
  ['npm token', '//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789', 'npm_abcdefghijklmnopqrstuvwxyz0123456789'],
  ['Hugging Face token', 'hf_abcdefghijklmnopqrstuvwxyzABCDEF', 'hf_abcdefghijklmnopqrstuvwxyzABCDEF'],
  ['Twilio key', 'SK0123456789abcdef0123456789abcdef', 'SK0123456789abcdef0123456789abcdef'],
  [
    'Azure storage key',
    'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH==;',
    'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH',
  ],
  ['JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', 'dozjgNryP4J3jVmNHl0w5N'],
  ['Bearer header', 'Authorization: Bearer abcdef0123456789abcdef0123', 'abcdef0123456789abcdef0123'],
  ['Basic auth header', 'Authorization: Basic YWRtaW46c3VwZXJzZWNyZXQ=', 'YWRtaW46c3VwZXJzZWNyZXQ='],
  ['JSON secret', '{"api_key": "abc123def456"}', 'abc123def456'],
  ['RSA private key', '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEA7'],
  ['OpenSSH private key', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----', 'b3BlbnNzaC1rZXktdjEAAAAA'],
  ['PGP private key', '-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOYBF0000\n-----END PGP PRIVATE KEY BLOCK-----', 'lQOYBF0000'],
];

/** Text that looks like a secret and is not one: it must come out unchanged. */
const LOOK_ALIKES: Array<[string, string]> = [
  ['password as a parameter type', 'login(email: string, password: string): Promise<Session>'],
  ['password as an interface field', '  password: string;'],
  ['optional token field', '  token?: string | undefined;'],
  ['a typed field', '  secret: SecretRef;'],
  ['a generic type', '  tokens: Map<string, Token>'],
  ['a member access', '  password: config.password,'],
  ['an env lookup', 'const apiKey = process.env.API_KEY;'],
  ['a plan hash', '  apps/api/src/auth/token.service.ts: sha256:0123456789abcdef'],
  ['a recorded input hash', '    apps/api/product-development/x/PRD.md: sha256:89abcdef01234567'],
  ['a git sha', 'Fixed in commit 3f786850e387550fdab836ed7e6dc881de23001b.'],
  ['a UUID', 'Order 123e4567-e89b-12d3-a456-426614174000 was exported.'],
  ['a sha256 digest', 'sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['a field list in prose', 'The form has fields for the username and the password.'],
  ['a password policy', 'Passwords must be at least 12 characters.'],
  ['a URL without a password', 'See https://user@example.com/docs and postgres://db:5432/shop'],
  ['a heading', '## Token refresh'],
  ['a passport field', 'passport: required'],
  ['a usage summary', '  tokens: input 20,356 · output 6,925 · cache write 8,840'],
  ['a key named in prose', 'The secret: rotation happens weekly.'],
  ['a numeric env var', 'MAX_TOKENS=4096'],
  ['a boolean flag', 'REQUIRE_AUTH=true'],
  ['a redaction already made', 'password=[REDACTED:secret]'],
  ['a code span naming a guard', 'Use `AuthGuard` from `@shop/auth` on `TokenController`.'],
  ['a TS const with an env var', 'export const SECRET_HEADER = process.env.SECRET_HEADER;'],
];

describe('redactSecrets, on a corpus of realistic secrets', () => {
  it.each(SECRETS)('masks %s', (_kind, text, secret) => {
    const result = redactSecrets(text);
    expect(result).not.toContain(secret);
    expect(result).toContain('[REDACTED:');
  });

  it('covers at least 20 kinds', () => expect(new Set(SECRETS.map(([kind]) => kind)).size).toBeGreaterThanOrEqual(20));

  it('masks every secret when they are all in one document, and keeps the prose around them', () => {
    const doc = SECRETS.map(([kind, text]) => `${kind}:\n${text}\n`).join('\n');
    const result = redactSecrets(doc);
    for (const [, , secret] of SECRETS) expect(result).not.toContain(secret);
    expect(result).toContain('GitHub token:');
  });
});

describe('redactSecrets, on look-alikes that must survive', () => {
  it.each(LOOK_ALIKES)('keeps %s', (_name, text) => expect(redactSecrets(text)).toBe(text));

  it('is idempotent', () => {
    for (const [, text] of SECRETS) expect(redactSecrets(redactSecrets(text))).toBe(redactSecrets(text));
  });
});
