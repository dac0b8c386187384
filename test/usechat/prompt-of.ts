import scenarios from '../../examples/agno-usechat/scenarios.json' with { type: 'json' };

/** The prompt that makes the example server replay a scenario (scenarios.json). */
export function promptOf(name: string): string {
  const scenario = scenarios.find((candidate) => candidate.name === name);
  if (scenario === undefined) throw new Error(`scenarios.json has no scenario "${name}"`);
  return scenario.prompt;
}
