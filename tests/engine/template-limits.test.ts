// Templates people write are bounded: text whose Markdown the parser would read in quadratic time
// or by unbounded recursion is refused, as written (on save and preview) and as filled in for a
// case, with the template's name and the problem, and the engine keeps answering.
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine';
import { cleanup, clientWithCase, fails, ok, tempEngine } from './helpers';

afterEach(cleanup);

const template = (name: string, body: string) => `---\nname: ${name}\nkind: appeal\n---\n${body}\n`;

/** The call is refused quickly, and the engine answers the next call. */
async function refusedQuickly(engine: Engine, call: () => Promise<{ message: string }>) {
  const started = Date.now();
  const error = await call();
  const ms = Date.now() - started;
  await ok(engine, 'cases.list', {});
  return { message: error.message, ms };
}

describe('a template beyond what a letter needs', () => {
  const hostile = {
    // 198 kB of "*a": marked matches emphasis marks in quadratic time (24 s here).
    emphasis: {
      body: '*a'.repeat(99_000),
      message:
        /^The template "Stars": its letter text has more than 2,000 \* and _ marks in one paragraph \(from line 1\)/,
    },
    // 50,000 ">": marked reads each quote level by recursion and overflows the stack.
    quotes: {
      body: `${'>'.repeat(50_000)} deep`,
      message:
        /^The template "Quotes": its letter text is too deeply nested \(blockquote level 50,000 on line 1\); quotes and lists may nest at most 20 levels\./,
    },
    // 300 nested list levels by indentation: a second of parsing (500 take three).
    lists: {
      body: Array.from({ length: 300 }, (_, i) => `${' '.repeat(2 * i)}- level ${i}`).join('\n'),
      message: /^The template "Lists": its letter text is too deeply nested \(more than 20 levels/,
    },
  };
  const names = { emphasis: 'Stars', quotes: 'Quotes', lists: 'Lists' } as const;

  for (const [kind, { body, message }] of Object.entries(hostile)) {
    const name = names[kind as keyof typeof names];
    it(`is refused on save and in preview (${kind}), and the engine keeps answering`, async () => {
      const engine = tempEngine();
      const { case: kase } = await clientWithCase(engine);
      const before = await ok(engine, 'templates.list', {});
      const saved = await refusedQuickly(engine, () =>
        fails(engine, 'templates.save', { source: template(name, body) }),
      );
      expect(saved.message).toMatch(message);
      const preview = await refusedQuickly(engine, () =>
        fails(engine, 'letters.preview', { caseId: kase.id, source: template(name, body) }),
      );
      expect(preview.message).toMatch(message);
      expect(await ok(engine, 'templates.list', {})).toEqual(before);
      console.info(`${kind}: refused on save in ${saved.ms} ms, in preview in ${preview.ms} ms`);
    }, 60_000);
  }

  it('with Liquid tags nested thousands deep is refused with what is wrong', async () => {
    const engine = tempEngine();
    const deep = template('Deep', `${'{%if a%}'.repeat(10_000)}x${'{%endif%}'.repeat(10_000)}`);
    const error = await fails(engine, 'templates.save', { source: deep });
    expect(error.message).toMatch(
      /^The template's letter text is too deeply nested \(\{% %\} tags/,
    );
    await ok(engine, 'cases.list', {});
  });

  it('is refused when only filling it in for the case makes it so (a loop)', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    const looped = template('Looped', '{% for i in (1..50000) %}>{% endfor %} deep');
    const saved = await ok(engine, 'templates.save', { source: looped });
    for (const args of [
      { caseId: kase.id, source: looped },
      { caseId: kase.id, templateId: saved.id },
    ]) {
      const preview = await fails(engine, 'letters.preview', args);
      expect(preview.message).toMatch(
        /^The template "Looped", filled in for this case: its letter text is too deeply nested \(blockquote level 50,000 on line 1\)/,
      );
    }
    const generated = await fails(engine, 'letters.generate', {
      caseId: kase.id,
      templateId: saved.id,
    });
    expect(generated.code).toBe('invalid-input');
    expect(generated.message).toMatch(/too deeply nested/);
    await ok(engine, 'cases.list', {});
  }, 60_000);

  it('still reads every built-in template and ordinary emphasis and nesting', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    for (const t of await ok(engine, 'templates.list', {})) {
      await ok(engine, 'letters.preview', { caseId: kase.id, templateId: t.id });
    }
    const ordinary = template(
      'Ordinary',
      '> quoted *once*\n> > and **twice**\n\n- a\n  - b\n    - c\n\nA _plain_ paragraph.',
    );
    const preview = await ok(engine, 'letters.preview', { caseId: kase.id, source: ordinary });
    expect(preview.model.body.length).toBeGreaterThan(2);
  }, 60_000);
});
