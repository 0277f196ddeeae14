import { describe, expect, it } from 'vitest';
import { createClassifier, formatExplanation, type Classifier, type UserLabel } from '../../src/classify/index.js';
import { createZone } from '../../src/time/zone.js';
import { identity, tweet } from './support.js';

const zone = createZone('Europe/Madrid');
const ME = identity({
  handles: ['me'],
  ownDomains: ['me.example'],
  employer: { names: ['Acme'], handles: ['acmehq'], domains: ['acme.example'] },
  eventHashtags: ['devconf'],
  chatHashtags: ['supportchat'],
});

// These tests pin the rules layer (the evidence the learned model weighs): the learned model is left out.
let shared: Promise<Classifier> | undefined;
function classifier(): Promise<Classifier> {
  return (shared ??= createClassifier({ learned: null, identity: ME, zone }));
}

async function label(text: string, fields: Parameters<typeof tweet>[1] = {}): Promise<string> {
  const c = (await classifier()).classify(tweet(text, fields));
  return `${c.category}/${c.subcategory}`;
}

describe('precedence (docs/taxonomy.md, "When several apply")', () => {
  it('conference beats jobs: hiring news tweeted from the event is part of the event', async () => {
    expect(await label("Packed room, and yes we're hiring #devconf")).toBe('conference/live');
  });

  it('jobs beat own promotion and conversation', async () => {
    expect(await label("We're hiring! Details on my blog https://me.example/jobs-post")).toBe('promotion/jobs');
    expect(await label('@ana here is the posting https://jobs.acme.example/support-lead', { isReply: true })).toBe(
      'promotion/jobs',
    );
    // Talking about hiring in a reply, without a posting, is conversation.
    expect(await label("@ana we're hiring a support lead, interested?", { isReply: true })).toBe('conversation/reply');
  });

  it('own promotion beats conversation: a reply that links your own blog post is promotion', async () => {
    expect(await label('@ana I wrote about exactly this https://me.example/blog/queues', { isReply: true })).toBe(
      'promotion/self',
    );
  });

  it('employer beats conversation for non-replies, but a reply naming the company stays conversation', async () => {
    expect(await label('The new Acme dashboard is out, @bob tried it first')).toBe('promotion/employer');
    // Thanking someone while naming the company is talking to them, not promoting it.
    expect(await label('Thanks @bob for trying the new Acme dashboard')).toBe('conversation/mention');
    expect(await label('@bob yes, Acme does that', { isReply: true })).toBe('conversation/reply');
  });

  it('conversation beats sharing: a reply with a link is a reply', async () => {
    expect(await label('@bob this explains it https://news.example/x', { isReply: true })).toBe('conversation/reply');
  });

  it('sharing beats personal: a link about a film review site is shared material unless personal content says otherwise', async () => {
    expect(await label('Solid article on incident reviews https://news.example/incidents')).toBe('promotion/sharing');
  });

  it('a retweet of personal content is personal (a personal rule fires and the model agrees)', async () => {
    expect(await label('RT @kim: my son baked his first birthday cake for the family dinner')).toBe('personal/life');
    expect(await label('RT @kim: Ten lessons from a year of on-call https://blog.example/on-call')).toBe(
      'promotion/sharing',
    );
  });

  it('announcing your own upcoming talk is promotion/self, not conference', async () => {
    expect(await label("I'll be speaking tomorrow at #devconf about tracing, come say hi")).toBe('promotion/self');
  });
});

describe('self-replies (threads)', () => {
  it('take the category of their content', async () => {
    expect(
      await label('The trick was to precompute the aggregates every five minutes', {
        isSelfReply: true,
        mediaCount: 1,
      }),
    ).toBe('promotion/self');
    expect(await label('Also my daughter wants a cat now', { isSelfReply: true })).toBe('personal/life');
  });

  it("are conversation when they open with other people's handles", async () => {
    expect(await label('@kim @lee right, that is what I meant', { isSelfReply: true })).toBe('conversation/reply');
  });

  it('are never conversation/reply by themselves', async () => {
    const c = (await classifier()).classify(tweet('And one more thing about the schema', { isSelfReply: true }));
    expect(c.category === 'conversation' && c.subcategory === 'reply').toBe(false);
  });
});

describe('no signal', () => {
  it('is personal/life with low confidence, decided by the default', async () => {
    const c = (await classifier()).classify(tweet('', { mediaCount: 1 }));
    expect(`${c.category}/${c.subcategory}`).toBe('personal/life');
    expect(c.decidedBy).toEqual(['default']);
    expect(c.confidence).toBeLessThan(0.5);
  });

  it('a rule decision is more confident than a model decision', async () => {
    const c = await classifier();
    const byRule = c.classify(tweet('@ana thanks!', { isReply: true }));
    const byModel = c.classify(tweet('Rainy morning, slow start'));
    expect(byRule.decidedBy).toEqual(['reply']);
    expect(byModel.decidedBy).not.toContain('reply');
    expect(byRule.confidence).toBeGreaterThan(byModel.confidence);
  });
});

describe('flags', () => {
  const at = (iso: string): number => Date.parse(iso);

  it('shape flags come from the tweet fields', async () => {
    const c = await classifier();
    expect(c.classify(tweet('RT @x: hello https://a.example', { mediaCount: 1 })).flags).toEqual([
      'retweet',
      'link',
      'media',
    ]);
    expect(c.classify(tweet('@x hi', { isReply: true })).flags).toEqual(['reply']);
  });

  it('late-night uses the local hour of the zone and the default 0..5 hours', async () => {
    const c = await classifier();
    // 01:30 UTC is 02:30 in Madrid in winter: night. 22:30 UTC is 23:30 there: not night by default.
    expect(c.classify(tweet('still up', { createdAt: at('2024-01-15T01:30:00Z') })).flags).toContain('late-night');
    expect(c.classify(tweet('still up', { createdAt: at('2024-01-15T22:30:00Z') })).flags).not.toContain('late-night');
    expect(c.classify(tweet('still up', { createdAt: at('2024-01-15T04:30:00Z') })).flags).not.toContain('late-night');
  });

  it('late-night honours configured hours that wrap midnight', async () => {
    const c = await createClassifier({ learned: null, identity: ME, zone, nightHours: { from: 23, to: 4 } });
    expect(c.classify(tweet('still up', { createdAt: at('2024-01-15T22:30:00Z') })).flags).toContain('late-night');
    expect(c.classify(tweet('still up', { createdAt: at('2024-01-15T03:30:00Z') })).flags).not.toContain('late-night');
  });

  it('drinking, in several languages', async () => {
    const c = await classifier();
    for (const text of [
      'Three beers in and the demo still works',
      'Unas cañas con el equipo',
      "L'apéro avec les collègues",
      'Feierabendbier',
    ]) {
      expect(c.classify(tweet(text)).flags, text).toContain('drinking');
    }
    expect(c.classify(tweet('The progress bar is stuck')).flags).not.toContain('drinking');
  });

  it('complaint needs a complaint word and a clearly negative sentiment', async () => {
    const c = await classifier();
    expect(c.classify(tweet('I hate this awful broken update, worst release ever')).flags).toContain('complaint');
    expect(c.classify(tweet('Odio esta actualización horrible, es un desastre')).flags).toContain('complaint');
    expect(c.classify(tweet('Love the new release, great work')).flags).not.toContain('complaint');
    // A complaint word in a happy tweet is not a complaint.
    expect(c.classify(tweet('No more broken builds, the team did a wonderful, brilliant job')).flags).not.toContain(
      'complaint',
    );
    expect(c.classify(tweet('RT @x: I hate this awful broken update')).flags).not.toContain('complaint');
  });

  it('never sets duplicate (the report does)', async () => {
    const c = await classifier();
    expect(c.classify(tweet('same text')).flags).not.toContain('duplicate');
  });
});

describe('user labels', () => {
  it('win with confidence 1, and a missing subcategory is completed within the category', async () => {
    const labels = new Map<string, UserLabel>([
      ['1', { category: 'personal', subcategory: 'media' }],
      ['2', { category: 'promotion' }],
    ]);
    const c = await createClassifier({ learned: null, identity: ME, zone, labels });
    const one = c.classify(tweet('@ana thanks!', { id: '1', isReply: true }));
    expect(one).toMatchObject({ category: 'personal', subcategory: 'media', confidence: 1, decidedBy: ['user-label'] });
    const two = c.classify(tweet('Slides are up https://me.example/talk', { id: '2' }));
    expect(two).toMatchObject({ category: 'promotion', subcategory: 'self', decidedBy: ['user-label'] });
  });

  it('teach the model: labeled tweets move the scores of similar tweets', async () => {
    const words = 'zorblax quintessa frobnicate';
    const labeled = Array.from({ length: 20 }, (_, i) => tweet(`${words} ${i}`, { id: `l${i}` }));
    const labels = new Map<string, UserLabel>(
      labeled.map((t) => [t.id, { category: 'conference', subcategory: 'live' }]),
    );
    const plain = await createClassifier({ learned: null, identity: ME, zone });
    const taught = await createClassifier({ learned: null, identity: ME, zone, labels });
    expect(taught.learn(labeled)).toBe(20);
    expect(taught.learn(labeled)).toBe(0);
    const probe = tweet(`${words} again`);
    expect(taught.explain(probe).model.categories.conference).toBeGreaterThan(
      plain.explain(probe).model.categories.conference,
    );
    expect(taught.classify(probe).category).toBe('conference');
  });
});

describe('explain', () => {
  it('lists every rule that fired with reason and data, the model scores, and why the label won', async () => {
    const e = (await classifier()).explain(tweet('@ana my new blog post https://me.example/post', { isReply: true }));
    expect(e.firings.map((f) => f.rule)).toEqual(['own-content', 'own-link', 'reply', 'link-share']);
    expect(e.firings.find((f) => f.rule === 'own-link')).toMatchObject({
      reason: 'own-domain',
      data: { domain: 'me.example' },
    });
    expect(e.decision).toEqual({ kind: 'precedence', winner: 'own-content' });
    expect(e.classification.decidedBy).toEqual(['own-content', 'own-link']);
    const total = Object.values(e.model.categories).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 6);

    const text = formatExplanation(e);
    expect(text).toContain('label: promotion/self');
    expect(text).toContain('own-link -> promotion/self: own-domain (domain: me.example)');
    expect(text).toContain('highest precedence');
    expect(text).not.toMatch(/\x1b\[/);
  });

  it('says when nothing fired', async () => {
    const text = formatExplanation((await classifier()).explain(tweet('', { mediaCount: 1 })));
    expect(text).toContain('rules that fired: none');
    expect(text).toContain('label: personal/life');
  });
});
