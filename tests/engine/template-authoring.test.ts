// Templates authors can trust: a name no case has is refused at save and at preview with the
// nearest known name, syntax errors read as words, the picker lists every name, and a template's
// own questions are asked once per case and read by every letter that asks them.
import { afterEach, describe, expect, it } from 'vitest';
import { inWords } from '../../electron/engine/letters/liquid';
import { cleanup, fails, ok, rowCounts, tempEngine } from './helpers';
import { fullLetterCase } from './letter-case';

afterEach(cleanup);

const head = '---\nname: Mine\nkind: appeal\n---\n';

describe('template names', () => {
  it('refuses an unknown name at save and at preview, naming it and the nearest known one', async () => {
    const engine = tempEngine();
    const { caseId } = await fullLetterCase(engine);
    const before = rowCounts(engine);
    const saved = await fails(engine, 'templates.save', {
      source: `${head}Dear {{ client.nme }},`,
    });
    expect(saved.code).toBe('invalid-input');
    expect(saved.field).toBe('source');
    expect(saved.message).toContain('{{ client.nme }}');
    expect(saved.message).toContain('Did you mean {{ client.name }}?');
    expect(rowCounts(engine)).toEqual(before);

    const preview = await fails(engine, 'letters.preview', {
      caseId,
      source: `---\nname: Mine\nkind: appeal\nre:\n  - "Member {{ plan.memberid }}"\n---\nHi`,
    });
    expect(preview.message).toMatch(/re line 1 uses \{\{ plan\.memberid \}\}.*plan\.memberId/);
    // A top-level slip, a list's fields, and names Liquid itself gives lists and loops.
    expect(
      (await fails(engine, 'templates.save', { source: `${head}{{ clinet.name }}` })).message,
    ).toContain('{{ client.name }}');
    await ok(engine, 'templates.save', {
      source: `${head}{% for d in diagnoses %}{{ d.code }}{% endfor %} {{ diagnoses.size }} {{ diagnoses.first.code }} {{ citations[0].reference }} {% for c in citations %}{{ forloop.index }}{% endfor %} {% assign x = 1 %}{{ x }}`,
    });
    expect(
      (await fails(engine, 'templates.save', { source: `${head}{{ diagnoses.first.cod }}` }))
        .message,
    ).toContain('{{ diagnoses.first.code }}');
  });

  it('every built-in template passes the check', async () => {
    const engine = tempEngine();
    for (const t of await ok(engine, 'templates.list', {})) {
      const { source, version, id } = await ok(engine, 'templates.get', { id: t.id });
      await ok(engine, 'templates.save', { id, version, source });
    }
  });

  it('says what is wrong with the syntax in words, with the line', () => {
    expect(inWords('tag "iff" not found, line:3, col:1')).toBe(
      '{% iff %} on line 3 is not a tag templates know — did you mean {% if %}?',
    );
    expect(inWords('tag "endif" not found, line:9, col:1')).toBe(
      '{% endif %} on line 9 closes nothing: there is no {% if %} open before it.',
    );
    expect(inWords('tag {% if x %} not closed, line:2, col:1')).toBe(
      '{% if %} on line 2 is never closed: add {% endif %} after the text it controls.',
    );
    expect(inWords('output "{{ client.name" not closed, line:4, col:1')).toBe(
      'A {{ on line 4 is never closed with }}.',
    );
  });

  it('lists every name for the editor’s picker, from the letter’s own values', async () => {
    const engine = tempEngine();
    const names = await ok(engine, 'placeholders.list', {});
    const byName = new Map(names.map((p) => [p.name, p]));
    expect(byName.get('client.name')).toBeDefined();
    expect(byName.get('plan.memberId')?.label).toBe('member ID');
    expect(byName.get('diagnoses')?.list).toBe(true);
    expect(byName.get('diagnoses.first.code')).toBeDefined();
    expect(byName.get('citations.first.reference')).toBeDefined();
    expect(byName.get('denial.category')).toBeDefined();
  });
});

describe('a template’s own questions', () => {
  const asking = (name: string, body: string) =>
    `---\nname: ${name}\nkind: appeal\nquestions:\n  - key: faxedOn\n    ask: date the appeal was faxed\n---\n${body}`;

  it('are asked once per case, kept with it, and read by every letter that asks them', async () => {
    const engine = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(engine);
    const one = await ok(engine, 'templates.save', {
      source: asking('First', 'Faxed on {{ answers.faxedOn }}.'),
    });
    await ok(engine, 'templates.save', {
      source: asking('Second', 'As faxed on {{ answers.faxedOn }}, again.'),
    });
    let asked = await ok(engine, 'caseAnswers.list', { caseId });
    const faxed = asked.questions.find((q) => q.key === 'faxedOn')!;
    expect(faxed.ask).toBe('date the appeal was faxed');
    expect(faxed.askedBy).toEqual(['First', 'Second']);
    // The app's own expedited appeal asks for the physician's statement instead of a note.
    expect(asked.questions.find((q) => q.key === 'urgencyStatement')?.askedBy).toEqual([
      'Expedited (urgent) appeal',
    ]);

    // Unanswered: a gap named by the question, on the checklist.
    const before = await ok(engine, 'letters.preview', {
      caseId,
      templateId: one.id,
      recipientId,
    });
    expect(before.model.gaps).toBe(1);
    expect(before.checklist.map((c) => c.label)).toContain('date the appeal was faxed');

    asked = await ok(engine, 'caseAnswers.save', { caseId, key: 'faxedOn', answer: 'May 2, 2026' });
    expect(asked.answers.faxedOn).toBe('May 2, 2026');
    for (const name of ['First', 'Second']) {
      const t = (await ok(engine, 'templates.list', {})).find((x) => x.name === name)!;
      const p = await ok(engine, 'letters.preview', { caseId, templateId: t.id, recipientId });
      expect(JSON.stringify(p.model.body)).toContain('May 2, 2026');
      expect(p.model.gaps).toBe(0);
    }
    // Cleared: asked again.
    await ok(engine, 'caseAnswers.save', { caseId, key: 'faxedOn', answer: '' });
    expect((await ok(engine, 'caseAnswers.list', { caseId })).answers.faxedOn).toBeUndefined();
  });

  it('an answer a template did not declare is refused by name', async () => {
    const engine = tempEngine();
    const error = await fails(engine, 'templates.save', {
      source: `${head}Faxed on {{ answers.faxedOn }}.`,
    });
    expect(error.message).toContain('{{ answers.faxedOn }}');
    expect(error.message).toContain('questions:');
  });
});

describe('gaps in a generated letter', () => {
  it('are Word comments as well as highlighted text, so Review → Next finds each one', async () => {
    const { unzipSync, strFromU8 } = await import('fflate');
    const engine = tempEngine();
    const { clientWithCase } = await import('./helpers');
    const { case: kase } = await clientWithCase(engine, {}, { memberId: null });
    const letter = await ok(engine, 'letters.generate', { caseId: kase.id, kind: 'appeal' });
    expect(letter.gaps).toBeGreaterThan(3);
    const file = await ok(engine, 'documents.file', { id: letter.documentId });
    const parts = unzipSync(Buffer.from(file.contentBase64, 'base64'));
    const comments = strFromU8(parts['word/comments.xml']!);
    const document = strFromU8(parts['word/document.xml']!);
    expect(comments).toContain('To fill in before sending: member ID.');
    expect(comments).toContain('To fill in before sending: a recipient.');
    expect(document.match(/<w:commentRangeStart /g)?.length).toBe(letter.gaps);
    expect(document.match(/<w:commentReference /g)?.length).toBe(letter.gaps);
    // A full case has no gap, and so no comments part.
    const full = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(full);
    const clean = await ok(full, 'letters.generate', { caseId, kind: 'appeal', recipientId });
    const cleanParts = unzipSync(
      Buffer.from(
        (await ok(full, 'documents.file', { id: clean.documentId })).contentBase64,
        'base64',
      ),
    );
    expect(cleanParts['word/comments.xml']).toBeUndefined();
  });
});
