// Structural checks of GitHub Actions files, from GitHub's documented metadata and workflow
// syntax (docs.github.com: "Metadata syntax for GitHub Actions", "Workflow syntax for GitHub
// Actions"). SchemaStore's schemas were not vendored: the stored copy reachable here predates
// composite actions (runs.using: node12 | docker only), so it would reject any composite action.
import { parse } from 'yaml';

type Map = Record<string, unknown>;
const isMap = (value: unknown): value is Map => typeof value === 'object' && value !== null && !Array.isArray(value);
const ID = /^[_a-zA-Z][a-zA-Z0-9_-]*$/;

const ACTION_KEYS = ['name', 'author', 'description', 'inputs', 'outputs', 'runs', 'branding'];
const INPUT_KEYS = ['description', 'required', 'default', 'deprecationMessage'];
const COMPOSITE_STEP_KEYS = ['id', 'if', 'name', 'uses', 'with', 'env', 'run', 'shell', 'working-directory', 'continue-on-error'];
const WORKFLOW_KEYS = ['name', 'run-name', 'on', 'permissions', 'env', 'defaults', 'concurrency', 'jobs'];
const JOB_KEYS = [
  'name',
  'needs',
  'permissions',
  'runs-on',
  'environment',
  'concurrency',
  'outputs',
  'env',
  'defaults',
  'if',
  'steps',
  'timeout-minutes',
  'strategy',
  'continue-on-error',
  'container',
  'services',
  'uses',
  'with',
  'secrets',
];
const STEP_KEYS = ['id', 'if', 'name', 'uses', 'run', 'working-directory', 'shell', 'with', 'env', 'continue-on-error', 'timeout-minutes'];
const PERMISSION_SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses',
];
/** `uses:` forms: owner/repo[/path]@ref, ./local/path, docker://image. */
const USES = /^(\.\/\S+|docker:\/\/\S+|[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[\w./-]+)$/;

function unknownKeys(where: string, value: Map, allowed: string[]): string[] {
  return Object.keys(value)
    .filter((key) => !allowed.includes(key))
    .map((key) => `${where}: unknown key ${key}`);
}

function stepProblems(where: string, step: unknown, allowed: string[], composite: boolean): string[] {
  if (!isMap(step)) return [`${where}: a step is a mapping`];
  const problems = unknownKeys(where, step, allowed);
  if ('run' in step === 'uses' in step) problems.push(`${where}: a step has exactly one of run and uses`);
  if ('uses' in step && !USES.test(String(step.uses))) problems.push(`${where}: uses ${String(step.uses)} is not owner/repo@ref, ./path or docker://`);
  if ('run' in step && typeof step.run !== 'string') problems.push(`${where}: run is a string`);
  if (composite && 'run' in step && typeof step.shell !== 'string') problems.push(`${where}: a composite action's run step needs shell`);
  if ('with' in step && 'run' in step) problems.push(`${where}: with belongs to uses steps`);
  for (const key of ['with', 'env'] as const) if (key in step && !isMap(step[key])) problems.push(`${where}: ${key} is a mapping`);
  return problems;
}

/** Every problem with a composite action's action.yml; [] when it has none. */
export function actionProblems(text: string): string[] {
  const action = parse(text) as unknown;
  if (!isMap(action)) return ['action.yml is a mapping'];
  const problems = unknownKeys('action', action, ACTION_KEYS);
  for (const key of ['name', 'description']) if (typeof action[key] !== 'string') problems.push(`action: ${key} is a required string`);
  const inputs = isMap(action.inputs) ? action.inputs : {};
  for (const [id, input] of Object.entries(inputs)) {
    if (!ID.test(id)) problems.push(`inputs.${id}: not an input id`);
    if (!isMap(input) || typeof input.description !== 'string') problems.push(`inputs.${id}: description is required`);
    else {
      problems.push(...unknownKeys(`inputs.${id}`, input, INPUT_KEYS));
      if ('default' in input && typeof input.default !== 'string') problems.push(`inputs.${id}: default is a string`);
      if ('required' in input && typeof input.required !== 'boolean') problems.push(`inputs.${id}: required is a boolean`);
    }
  }
  const runs = action.runs;
  if (!isMap(runs) || runs.using !== 'composite' || !Array.isArray(runs.steps)) return [...problems, 'runs: using composite with a list of steps'];
  problems.push(...unknownKeys('runs', runs, ['using', 'steps']));
  runs.steps.forEach((step, index) => problems.push(...stepProblems(`runs.steps[${index}]`, step, COMPOSITE_STEP_KEYS, true)));
  for (const [, name] of text.matchAll(/inputs\.([\w-]+)/g)) if (!(name! in inputs)) problems.push(`inputs.${name} is used but not declared`);
  return problems;
}

/** Every problem with a workflow file; [] when it has none. */
export function workflowProblems(text: string): string[] {
  const workflow = parse(text) as unknown;
  if (!isMap(workflow)) return ['a workflow is a mapping'];
  const problems = unknownKeys('workflow', workflow, WORKFLOW_KEYS);
  if (!('on' in workflow)) problems.push('workflow: on is required');
  if (isMap(workflow.permissions)) {
    for (const [scope, level] of Object.entries(workflow.permissions)) {
      if (!PERMISSION_SCOPES.includes(scope)) problems.push(`permissions.${scope}: not a permission`);
      if (!['read', 'write', 'none'].includes(String(level))) problems.push(`permissions.${scope}: read, write or none`);
    }
  }
  if (!isMap(workflow.jobs) || Object.keys(workflow.jobs).length === 0) return [...problems, 'workflow: jobs is a non-empty mapping'];
  for (const [id, job] of Object.entries(workflow.jobs)) {
    if (!ID.test(id)) problems.push(`jobs.${id}: not a job id`);
    if (!isMap(job)) {
      problems.push(`jobs.${id}: a job is a mapping`);
      continue;
    }
    problems.push(...unknownKeys(`jobs.${id}`, job, JOB_KEYS));
    if (!('runs-on' in job) && !('uses' in job)) problems.push(`jobs.${id}: runs-on is required`);
    if (!Array.isArray(job.steps) || job.steps.length === 0) problems.push(`jobs.${id}: steps is a non-empty list`);
    else job.steps.forEach((step, index) => problems.push(...stepProblems(`jobs.${id}.steps[${index}]`, step, STEP_KEYS, false)));
  }
  return problems;
}
