// The curriculum's exercise registry: every checked step and every step that completes on a command, with the
// context keys the extension sets for them. The walkthrough compiler (scripts/walkthroughs.mjs) imports this file to
// prove that each `onContext:` completion event names a key the extension really sets. No editor API here.
import type { Check } from './checks/types';
import { week01 } from './checks/week01';
import { week02 } from './checks/week02';
import { week03 } from './checks/week03';
import { week04 } from './checks/week04';
import { week05 } from './checks/week05';
import { week06 } from './checks/week06';
import { week07 } from './checks/week07';
import { week08 } from './checks/week08';
import { week09 } from './checks/week09';
import { week10 } from './checks/week10';
import { week11 } from './checks/week11';
import { week12 } from './checks/week12';
import { labChecks, LAB_WIRING } from './checks/labs';

/**
 * Walkthrough ids: permanent (VS Code keys step completion by them). The weeks, then the labs (labs/<slug>/, id
 * `lab-<slug>`), whose steps tick from their expected wiring.
 */
export const WEEK_IDS = [
  'week01',
  'week02',
  'week03',
  'week04',
  'week05',
  'week06',
  'week07',
  'week08',
  'week09',
  'week10',
  'week11',
  'week12',
  'lab-serverless-ecommerce',
  'lab-realtime-chat',
  'lab-video-pipeline',
  'lab-multi-tenant-saas',
] as const;
export type WeekId = (typeof WEEK_IDS)[number];

/** Steps whose completion the extension verifies by looking at the emulator, a local service or the workspace. */
export const CHECKS: Readonly<Record<WeekId, Readonly<Record<string, Check>>>> = {
  week01,
  week02,
  week03,
  week04,
  week05,
  week06,
  week07,
  week08,
  week09,
  week10,
  week11,
  week12,
  'lab-serverless-ecommerce': labChecks(LAB_WIRING['lab-serverless-ecommerce']),
  'lab-realtime-chat': labChecks(LAB_WIRING['lab-realtime-chat']),
  'lab-video-pipeline': labChecks(LAB_WIRING['lab-video-pipeline']),
  'lab-multi-tenant-saas': labChecks(LAB_WIRING['lab-multi-tenant-saas']),
};

/** What each check looks at; the compiler reports the split and the dashboard shows it. */
export type CheckSource = 'emulator' | 'local-service' | 'workspace';
const LOCAL: Readonly<Record<string, CheckSource>> = {
  'week04.nginx': 'local-service',
  'week05.postgres': 'local-service',
  'week05.replica': 'local-service',
  'week05.pooler': 'local-service',
  'week05.backup': 'workspace',
  'week06.redis': 'local-service',
  'week06.cache-aside': 'local-service',
  'week06.eviction': 'local-service',
  'week06.leaderboard': 'local-service',
  'week06.rate-limit': 'local-service',
  'week11.provider': 'workspace',
  'week11.modules': 'workspace',
};
export function checkSource(week: string, step: string): CheckSource {
  return LOCAL[`${week}.${step}`] ?? 'emulator';
}

/**
 * Steps with nothing to observe (interview drills, thought exercises): they complete when the learner runs the
 * step's command, which sets a `localCloudLab.done.*` key. These never count as verified.
 */
export const MANUAL_STEPS: Readonly<Record<WeekId, readonly string[]>> = {
  week01: ['interview'],
  week02: ['interview'],
  week03: ['interview'],
  week04: ['interview'],
  week05: ['failover', 'interview'],
  week06: ['interview'],
  week07: ['interview'],
  week08: ['interview'],
  week09: ['lint', 'interview'],
  week10: ['interview'],
  week11: ['interview'],
  week12: ['key-design', 'interview'],
  'lab-serverless-ecommerce': [],
  'lab-realtime-chat': [],
  'lab-video-pipeline': [],
  'lab-multi-tenant-saas': [],
};

export const EXERCISE_KEY_PREFIX = 'localCloudLab.ex.';
export const MANUAL_KEY_PREFIX = 'localCloudLab.done.';

/** The context key a checked step completes on. */
export function exerciseKey(week: string, step: string): string {
  return `${EXERCISE_KEY_PREFIX}${week}.${step}`;
}

/** The context key a manual step completes on. */
export function manualKey(week: string, step: string): string {
  return `${MANUAL_KEY_PREFIX}${week}.${step}`;
}

export interface ExerciseRef {
  readonly week: WeekId;
  readonly step: string;
}

/** Every checked exercise, in curriculum order of weeks (step order comes from the walkthrough files). */
export function allExercises(): ExerciseRef[] {
  return WEEK_IDS.flatMap((week) => Object.keys(CHECKS[week]).map((step) => ({ week, step })));
}

/** Every context key the extension sets: the compiler checks `onContext:` events against this list. */
export function contextKeys(): string[] {
  return [
    ...allExercises().map((e) => exerciseKey(e.week, e.step)),
    ...WEEK_IDS.flatMap((week) => MANUAL_STEPS[week].map((step) => manualKey(week, step))),
  ];
}

export function isWeekId(value: string): value is WeekId {
  return (WEEK_IDS as readonly string[]).includes(value);
}
