import type { FileRole } from '../../code/types';
import type { ProjectFact } from '../../workspace/types';
import { identifierWords, stem } from '../../code/words';
import type { AreaId } from '../../templates/plan-data';

/** Words that place a requirement in a feature area; the area with most hits wins. */
const AREA_WORDS: Array<[AreaId, RegExp]> = [
  [
    'security',
    /\b(permissions?|roles?|rbac|authori[sz]\w*|authenticat\w*|admins? only|access control|audit\w*|pii|gdpr|encrypt\w*|secur\w*|rate[- ]limit\w*|csrf|xss|injection|sensitive|guard)\b/gi,
  ],
  ['testing', /\b(tests?|tested|testing|coverage|e2e|regression)\b/gi],
  [
    'frontend',
    /\b(ui|page|screen|button|click\w*|dashboard|views?|display\w*|forms?|modal|dialog|links?|menu|toast|spinner|components?|browser|visible|shows?|see|progress indicator)\b/gi,
  ],
  [
    'backend',
    /\b(api|endpoints?|server|services?|database|db|quer(y|ies)|persist\w*|stor(e|ed|age)|jobs?|queues?|stream\w*|batch\w*|routes?|controllers?|entit(y|ies)|generat\w*|response|requests?|http|rows?|records?)\b/gi,
  ],
  ['shared', /\b(types?|schemas?|contracts?|format\w*|shared|utils?|utilit(y|ies)|helpers?|validat\w*|interfaces?|escap\w*|serializ\w*)\b/gi],
];

export function areaOf(text: string, fallback: AreaId): AreaId {
  let best: AreaId = fallback;
  let bestHits = 0;
  for (const [area, pattern] of AREA_WORDS) {
    const hits = text.match(pattern)?.length ?? 0;
    if (hits > bestHits) {
      best = area;
      bestHits = hits;
    }
  }
  return best;
}

/** A sentence that ends by keeping what it describes: "…, as today.", "(as before)", "is unchanged.", "must still work.", "stay in place." */
const ENDS_KEEPING =
  /(?:\bas (?:today|before|now|it (?:does|is) today)|\bunchanged|\bunaffected|\bcontinues? to (?:apply|work)|\bkeeps? working|\bstill (?:apply|applies|works?)|\b(?:stays?|remains?) (?:in place|the same))\W*$/i;
/** A sentence that opens by keeping what it names, "No change to the error shoppers see…", and takes nothing back. */
const STARTS_KEEPING = /^(?:there is )?no changes? (?:to|in)\b(?!.*\b(?:but|except|instead|unless)\b)/i;

/**
 * Whether a requirement states behaviour the feature keeps rather than changes: each of its sentences ends by
 * saying so ("Removing a coupon that is not on the order leaves the order unchanged, as today."), says so before
 * a colon that lists what is kept, or opens with it ("No change to the error shoppers see …"). A sentence that
 * goes on past the keeping words asks for more ("…is consumed as today, and the response clears the cookie",
 * "exactly as today, but all rows are kept"): that is a change.
 */
export function keepsBehaviour(text: string): boolean {
  const sentences = text
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
  // Past a colon, a sentence spells out what it keeps ("The existing exclusions stay in place: cancelled orders … are not counted.").
  const keeps = (sentence: string) => ENDS_KEEPING.test(sentence) || ENDS_KEEPING.test(sentence.split(':')[0]) || STARTS_KEEPING.test(sentence);
  return sentences.length > 0 && sentences.every(keeps);
}

/** Side words, stemmed as the code index stems them: `services` and `service` are one word. */
const sideWords = (words: string[]) => new Set(words.map(stem));
const FRONTEND = sideWords([
  'web',
  'ui',
  'client',
  'frontend',
  'front',
  'browser',
  'mobile',
  'portal',
  'dashboard',
  'angular',
  'react',
  'vue',
  'svelte',
  'site',
  'components',
  'feature',
]);
const BACKEND = sideWords([
  'api',
  'server',
  'backend',
  'back',
  'service',
  'services',
  'worker',
  'workers',
  'functions',
  'lambda',
  'db',
  'database',
  'graphql',
  'gateway',
  'jobs',
]);
const SHARED = sideWords(['shared', 'util', 'utils', 'types', 'common', 'core', 'models', 'contracts', 'domain', 'interfaces', 'lib']);

/**
 * Which side of the system a project is on: its tags (`scope:web`), then the words of its name and root that
 * say a side (`web`, `api`), then what its code is (`sideOfCode`), then words that say shared code (`core`,
 * `utils`). An application that says nothing is taken as backend, a library as shared code. The code counts
 * before the shared words, as an engineer reads it: `packages/core` of a commerce framework is its server
 * (its resolvers and controllers say so), `apps/nextjs-app` a web client (its components do).
 */
export function projectSide(project: Pick<ProjectFact, 'name' | 'root' | 'tags' | 'type'>, roles: FileRole[] = []): Exclude<AreaId, 'security' | 'testing'> {
  const scopeWords = project.tags.flatMap((tag) => identifierWords(tag.split(':').slice(1).join(':')));
  const nameWords = identifierWords(`${project.name} ${project.root}`);
  const says = (words: string[]) => (words.some((w) => FRONTEND.has(w)) ? 'frontend' : words.some((w) => BACKEND.has(w)) ? 'backend' : undefined);
  const saysShared = (words: string[]) => words.some((w) => SHARED.has(w));
  if (saysShared(scopeWords) && project.type === 'library' && !says(scopeWords)) return 'shared';
  const side = says(scopeWords) ?? (saysShared(scopeWords) ? 'shared' : undefined) ?? says(nameWords) ?? sideOfCode(roles);
  if (side) return side;
  if (saysShared(nameWords)) return 'shared';
  return project.type === 'library' ? 'shared' : 'backend';
}

/**
 * What a project's files are, when they say it clearly: components and hooks (a web client), or controllers and
 * resolvers (a server), the one side at least three times the other and a tenth of the files.
 */
export function sideOfCode(roles: FileRole[]): 'frontend' | 'backend' | undefined {
  const client = roles.filter((role) => role === 'component' || role === 'hook').length;
  const server = roles.filter((role) => role === 'controller').length;
  const clear = (count: number, other: number) => count >= 3 && count >= 3 * other && count >= roles.length / 10;
  return clear(client, server) ? 'frontend' : clear(server, client) ? 'backend' : undefined;
}
