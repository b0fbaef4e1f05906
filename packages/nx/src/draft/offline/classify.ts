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
 * Which side of the system a project is on, from its tags (`scope:web`), then its name and root. A library
 * whose words say neither is shared code; an application whose words say neither is taken as backend.
 */
export function projectSide(project: Pick<ProjectFact, 'name' | 'root' | 'tags' | 'type'>): Exclude<AreaId, 'security' | 'testing'> {
  const scopeWords = project.tags.flatMap((tag) => identifierWords(tag.split(':').slice(1).join(':')));
  for (const words of [scopeWords, identifierWords(`${project.name} ${project.root}`)]) {
    if (words.some((w) => SHARED.has(w)) && project.type === 'library' && !words.some((w) => FRONTEND.has(w) || BACKEND.has(w))) return 'shared';
    if (words.some((w) => FRONTEND.has(w))) return 'frontend';
    if (words.some((w) => BACKEND.has(w))) return 'backend';
    if (words.some((w) => SHARED.has(w))) return 'shared';
  }
  return project.type === 'library' ? 'shared' : 'backend';
}
