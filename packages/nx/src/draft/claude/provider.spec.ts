import { ModelDraftError } from './errors';
import { DEFAULT_MODEL } from './models';
import { chooseProvider, resolveModel } from './provider';

describe('chooseProvider', () => {
  const withKey = { ANTHROPIC_API_KEY: 'sk-ant-test' };

  it.each([
    ['auto', withKey, 'anthropic', /ANTHROPIC_API_KEY is set/],
    ['auto', {}, 'offline', /ANTHROPIC_API_KEY is not set.*set it to draft with Claude/],
    ['auto', { ANTHROPIC_API_KEY: '  ' }, 'offline', /not set/],
    [undefined, withKey, 'anthropic', /provider "auto"/],
    ['offline', withKey, 'offline', /"offline" was asked for/],
    ['anthropic', withKey, 'anthropic', /"anthropic" was asked for/],
  ] as const)('provider %s with %j drafts %s and says why', (option, env, provider, reason) => {
    const choice = chooseProvider(option, env);
    expect(choice.provider).toBe(provider);
    expect(choice.reason).toMatch(reason);
  });

  it('refuses provider anthropic without a key, saying how to set one or go offline', () => {
    expect(() => chooseProvider('anthropic', {})).toThrow(ModelDraftError);
    expect(() => chooseProvider('anthropic', {})).toThrow(/set ANTHROPIC_API_KEY.*--provider offline/);
  });

  it('names the choices for an unknown provider', () => {
    expect(() => chooseProvider('openai' as never, {})).toThrow('Unknown provider "openai" (option --provider): use auto, anthropic, offline.');
  });
});

describe('resolveModel', () => {
  it.each([
    ['claude-opus-5', 'claude-haiku-4-5', 'claude-sonnet-4-5', { model: 'claude-opus-5', source: 'option' }],
    [undefined, 'claude-haiku-4-5', 'claude-sonnet-4-5', { model: 'claude-haiku-4-5', source: 'nx.json' }],
    [undefined, undefined, 'claude-sonnet-4-5', { model: 'claude-sonnet-4-5', source: 'GROUNDPLAN_MODEL' }],
    ['', ' ', undefined, { model: DEFAULT_MODEL, source: 'default' }],
  ])('option %s, nx.json %s, GROUNDPLAN_MODEL %s → %j', (option, plugin, variable, expected) => {
    expect(resolveModel(option, plugin, variable === undefined ? {} : { GROUNDPLAN_MODEL: variable })).toEqual(expected);
  });

  it('defaults to a current Sonnet', () => {
    expect(DEFAULT_MODEL).toMatch(/^claude-sonnet-/);
  });
});
