// The three OpenAPI tools the export must satisfy, run in-process: @scalar/openapi-parser's validate,
// Spectral with its `spectral:oas` ruleset, and Redocly's lint with its `recommended` ruleset.
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { validate } from '@scalar/openapi-parser';
import SpectralCore, { type RulesetDefinition } from '@stoplight/spectral-core';
import SpectralParsers from '@stoplight/spectral-parsers';
import SpectralRulesets from '@stoplight/spectral-rulesets';

/** One finding, named by its tool and rule. */
export interface Finding {
  tool: 'scalar' | 'spectral' | 'redocly';
  rule: string;
  severity: 'error' | 'warning';
  where: string;
  message: string;
}

export async function scalarFindings(text: string): Promise<Finding[]> {
  const result = await validate(text);
  return (result.errors ?? []).map((e) => ({ tool: 'scalar', rule: 'schema', severity: 'error', where: String(e.path ?? ''), message: e.message }));
}

/** Spectral severities: 0 error, 1 warning, 2 information, 3 hint; information and hints are counted as warnings. */
export async function spectralFindings(text: string): Promise<Finding[]> {
  const spectral = new SpectralCore.Spectral();
  spectral.setRuleset(SpectralRulesets.oas as RulesetDefinition);
  const results = await spectral.run(new SpectralCore.Document(text, SpectralParsers.Yaml, 'openapi.yaml'));
  return results.map((r) => ({
    tool: 'spectral',
    rule: String(r.code),
    severity: r.severity === 0 ? 'error' : 'warning',
    where: r.path.join('.'),
    message: r.message,
  }));
}

export async function redoclyFindings(text: string): Promise<Finding[]> {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source: text, absoluteRef: 'openapi.yaml', config });
  return problems.map((p) => ({
    tool: 'redocly',
    rule: p.ruleId,
    severity: p.severity === 'error' ? 'error' : 'warning',
    where: p.location[0]?.pointer ?? '',
    message: p.message,
  }));
}

export async function allFindings(text: string): Promise<Finding[]> {
  return [...(await scalarFindings(text)), ...(await spectralFindings(text)), ...(await redoclyFindings(text))];
}
