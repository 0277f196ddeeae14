import { describe, expect, it } from 'vitest';
import { parseConfig, renderInitConfig, type Identity } from '../../src/config/index.js';

const identity: Identity = {
  handles: ['alice'],
  ownDomains: ['alice.example', 'github.com/alice'],
  employer: { names: ['Acme "Labs"'], handles: ['acmehq'], domains: ['acme.example'] },
  eventHashtags: ['devconf'],
  chatHashtags: [],
};

describe('renderInitConfig', () => {
  it('writes a commented config that loadConfig reads back to what was discovered', () => {
    const text = renderInitConfig(identity, { handles: ['alice'], accountIds: ['1'], timeZone: 'Europe/Madrid' });
    expect(parseConfig(text, 'init.json')).toEqual({
      timeZone: 'Europe/Madrid',
      nightHours: { from: 0, to: 5 },
      identity: {
        handles: ['alice'],
        ownDomains: ['alice.example', 'github.com/alice'],
        employer: { names: ['Acme "Labs"'], handles: ['acmehq'], domains: ['acme.example'] },
        eventHashtags: ['devconf'],
        chatHashtags: [],
      },
      goals: [],
    });
  });

  it("offers the post's three goals and example targets as comments", () => {
    const text = renderInitConfig(identity, { handles: ['alice'], accountIds: [] });
    expect(text).toContain('//   "Establish myself as a Customer Service leader"');
    expect(text).toContain('//   "Meet/form relationships with interesting people"');
    expect(text).toContain('//   { "scope": "promotion/employer", "min": 0.05, "max": 0.15 },');
    expect(text).toContain('// "timeZone": "Europe/Madrid",');
    expect(parseConfig(text, 'init.json')).not.toHaveProperty('timeZone');
  });

  it('stays valid once the user uncomments the targets as told', () => {
    const text = renderInitConfig(identity, { handles: ['alice'], accountIds: [] })
      .replace('"goals": []', '"goals": [],')
      .replace(/^ {2}\/\/ ("targets"|\s{2}\{|\])/gm, '  $1');
    expect(parseConfig(text, 'init.json').targets).toEqual([
      { scope: 'conversation', min: 0.3 },
      { scope: 'promotion/employer', min: 0.05, max: 0.15 },
      { scope: 'personal/whereabouts', max: 0.1 },
    ]);
  });
});
