import { isSecretPath, redactSecrets } from './secrets';

describe('redactSecrets', () => {
  it.each([
    ['an Anthropic key', 'key: sk-ant-api03-abcdefghijklmnop0123456789_-xyz', 'sk-ant-api03', '[REDACTED:anthropic-key]'],
    ['an OpenAI key', 'OPENAI sk-proj-abcdefghijklmnopqrstuvwxyz0123456789AB', 'sk-proj-abc', '[REDACTED:openai-key]'],
    ['an AWS access key id', 'aws AKIAIOSFODNN7EXAMPLE here', 'AKIAIOSFODNN7EXAMPLE', '[REDACTED:aws-access-key]'],
    ['a GitHub token', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'ghp_abc', '[REDACTED:github-token]'],
    ['a Stripe key', 'STRIPE_KEY sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'sk_live_4eC39', '[REDACTED:stripe-key]'],
    ['a JWT', 'Authorization: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', 'eyJhbGci', '[REDACTED:jwt]'],
    ['a bearer token', 'curl -H "Authorization: Bearer abcdef0123456789abcdef0123"', 'abcdef0123456789', 'Bearer [REDACTED:bearer-token]'],
    ['a password in a URL', 'DATABASE_URL=postgres://shop:s3cretPw@db:5432/shop', 's3cretPw', 'postgres://shop:[REDACTED:url-password]@db'],
    ['password=', 'login with password=hunter2 today', 'hunter2', 'password=[REDACTED:secret]'],
    ['a quoted secret in JSON', '{"client_secret": "abc123def456"}', 'abc123def456', '"client_secret": "[REDACTED:secret]"'],
    ['an env-style API key', 'PAYMENTS_API_KEY=pk_9f8e7d6c5b4a', 'pk_9f8e7d6c5b4a', 'PAYMENTS_API_KEY=[REDACTED:secret]'],
  ])('masks %s', (_name, text, secret, replaced) => {
    const result = redactSecrets(text);
    expect(result).not.toContain(secret);
    expect(result).toContain(replaced);
  });

  it('masks a private key block whole', () => {
    const block = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\nabc\n-----END RSA PRIVATE KEY-----';
    expect(redactSecrets(`before\n${block}\nafter`)).toBe('before\n[REDACTED:private-key]\nafter');
  });

  it.each([
    ['a TypeScript signature', 'login(email: string, password: string): Promise<Token>'],
    ['an interface member', '  resetToken: string;'],
    ['a numeric setting', 'maxTokens = 1024'],
    ['a read of the environment', 'const apiKey = process.env.API_KEY'],
    ['an arrow function', 'const token => sign(user)'],
    ['prose about passwords', 'Users reset their password from the profile page.'],
  ])('leaves %s alone', (_name, text) => {
    expect(redactSecrets(text)).toBe(text);
  });
});

describe('isSecretPath', () => {
  it.each([
    '.env',
    'apps/api/.env.local',
    'prod.env',
    'certs/server.key',
    'certs/tls.pem',
    'home/.ssh/id_rsa',
    '.npmrc',
    'config/secrets.yml',
    'infra/terraform.tfstate',
    'gcp/service-account-prod.json',
  ])('keeps %s out of prompts', (path) => expect(isSecretPath(path)).toBe(true));

  it.each([
    '.env.example',
    'apps/api/.env.sample',
    'apps/api/src/app/secrets/secrets.service.ts',
    'libs/auth/src/token.ts',
    'apps/api/src/main.ts',
    'README.md',
    'id_rsa.pub',
  ])('lets %s through', (path) => expect(isSecretPath(path)).toBe(false));
});
