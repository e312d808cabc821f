// Letters from the engine's side: every built-in kind from a full case, gaps and the checklist
// on a thin one, client data that looks like markup, locked-down templates, and editing them.
import mammoth from 'mammoth';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LETTER_KIND } from '../../electron/contract/letter';
import { cleanup, clientWithCase, fails, ok, rowCounts, tempDir, tempEngine } from './helpers';
import { fileEnclosures, fileNotices, fullLetterCase, recordFinalDenial } from './letter-case';
import { letterText } from './letter-text';

afterEach(cleanup);

const RAW_SYNTAX = /\{\{|\{%|%\}|\}\}|undefined|\bnull\b|\[object|\uE000|\uE001/;

describe('letters', () => {
  it('writes every built-in kind from a full case with no gaps, as real Word files', async () => {
    const engine = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(engine);
    for (const kind of LETTER_KIND.values) {
      // External review follows the plan's final internal decision.
      if (kind === 'external-review') await recordFinalDenial(engine, caseId);
      const letter = await ok(engine, 'letters.generate', { caseId, kind, recipientId });
      expect(letter.fileName).toMatch(/Maria Okonkwo.*\.docx$/);
      expect({ kind, gaps: letter.gaps, checklist: letter.checklist }).toEqual({
        kind,
        gaps: 0,
        checklist: [],
      });
      const text = await letterText(engine, letter.documentId);
      expect(text, kind).not.toMatch(RAW_SYNTAX);
      expect(text, kind).toContain('Maria Okonkwo');
      // A lawmaker's office gets the constituent's story, not their insurance numbers; a records
      // release names the records, not the plan.
      if (kind !== 'lawmaker' && kind !== 'hipaa-authorization')
        expect(text, kind).toContain('XQZ123456789');
      // The forms the client signs name who acts or receives; the letters, the plan.
      const names: Partial<Record<string, string>> = {
        'cms-1696': 'Jordan Reyes',
        'hipaa-authorization': 'Lakeside Psychiatry',
        'congressional-release': 'Sam Ortiz',
      };
      expect(text, kind).toContain(names[kind] ?? 'Prairie Health');
    }
    const generated = (await ok(engine, 'cases.get', { id: caseId })).documents.filter(
      (d) => d.origin === 'generated',
    );
    // One of each kind, and the parity request the case already sent.
    expect(generated).toHaveLength(LETTER_KIND.values.length + 1);
    expect(generated.every((d) => d.documentType === 'generated-letter')).toBe(true);
  });

  it('an appeal quotes the denial and lists every treatment tried with its class', async () => {
    const engine = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(engine);
    const letter = await ok(engine, 'letters.generate', { caseId, kind: 'appeal', recipientId });
    const text = await letterText(engine, letter.documentId);
    expect(text).toContain('UM-2024-55821');
    expect(text).toContain('The requested service is considered experimental and investigational.');
    for (const drug of ['Sertraline', 'Venlafaxine XR', 'Bupropion XL', 'SSRI', 'SNRI', 'NDRI']) {
      expect(text).toContain(drug);
    }
  });

  it('an appeal of an upheld first appeal says it is the second level', async () => {
    const engine = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(engine);
    const first = await ok(engine, 'letters.preview', { caseId, kind: 'appeal', recipientId });
    expect(JSON.stringify(first.model.body)).toContain('This is a first-level internal appeal.');
    await ok(engine, 'denials.create', {
      caseId,
      values: {
        deniedOn: '2024-09-15',
        reason: 'Upheld on first-level appeal.',
        service: 'IV ketamine infusion (J3490)',
        level: 'internal-appeal',
      },
    });
    const second = await ok(engine, 'letters.preview', { caseId, kind: 'appeal', recipientId });
    const body = JSON.stringify(second.model.body);
    expect(body).toContain('This is a second-level internal appeal');
    expect(body).toContain('Upheld on first-level appeal.');
  });

  it('keeps a text and preview that say what the .docx says, drawn from the letter itself', async () => {
    const engine = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(engine);
    const words = (text: string) => text.replace(/\s+/g, ' ').trim();
    for (const kind of LETTER_KIND.values) {
      const letter = await ok(engine, 'letters.generate', { caseId, kind, recipientId });
      const stored = await ok(engine, 'documents.get', { id: letter.documentId });
      // What a Word reader finds in the file: the same words, in the same order.
      expect(words(stored.text ?? ''), kind).toBe(
        words(await letterText(engine, letter.documentId)),
      );
      const file = await ok(engine, 'documents.file', { id: letter.documentId });
      const { value: html } = await mammoth.convertToHtml({
        buffer: Buffer.from(file.contentBase64, 'base64'),
      });
      const textOf = (markup: string) =>
        words(
          markup
            .replace(/<[^>]+>/g, ' ')
            .replace(/&amp;/g, '&')
            .replace(/&lt;/g, '<')
            .replace(/\u2011/g, '-'),
        );
      expect(textOf(stored.html ?? ''), kind).toBe(textOf(html));
      for (const tag of ['<p>', '<strong>']) expect(stored.html, kind).toContain(tag);
    }
  });

  it('writes a batch of letters into their cases and a folder, a case it cannot do named', async () => {
    const engine = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(engine);
    const other = await clientWithCase(engine, { firstName: 'Tom', lastName: 'Brennan' });
    const dir = tempDir();
    const { letters } = await ok(engine, 'letters.generateMany', {
      caseIds: [caseId, 999_999, other.case.id],
      kind: 'appeal',
      recipientId,
      outDir: dir,
    });
    expect(letters.map((l) => [l.caseId, l.ok])).toEqual([
      [caseId, true],
      [999_999, false],
      [other.case.id, true],
    ]);
    const missing = letters[1]!;
    expect(!missing.ok && missing.error.code).toBe('not-found');
    for (const made of letters.filter((l) => l.ok)) {
      if (!made.ok) continue;
      expect(made.path?.startsWith(dir)).toBe(true);
      const saved = readFileSync(made.path!);
      const kept = await ok(engine, 'documents.file', { id: made.documentId });
      expect(saved.equals(Buffer.from(kept.contentBase64, 'base64'))).toBe(true);
    }
  });

  it('refuses a batch into a folder that does not exist before writing anything', async () => {
    const engine = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(engine);
    const before = rowCounts(engine);
    const folder = join(tempDir(), 'not-there');
    const error = await fails(engine, 'letters.generateMany', {
      caseIds: [caseId],
      kind: 'appeal',
      recipientId,
      outDir: folder,
    });
    expect(error).toMatchObject({ code: 'invalid-input', field: 'outDir' });
    expect(error.message).toContain(folder);
    expect(rowCounts(engine)).toEqual(before);
    expect(existsSync(folder)).toBe(false);
  });

  it('encloses what is on file however many documents the case has, and keeps only those', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    // A long case: a hundred and twenty notices and forms filed before the provider's letter.
    fileNotices(engine, kase.id, 120);
    const before = await ok(engine, 'letters.preview', { caseId: kase.id, kind: 'appeal' });
    expect(before.checklist.map((c) => c.field)).toEqual(
      expect.arrayContaining(['enclosed.providerLetter', 'enclosed.records']),
    );
    await fileEnclosures(engine, kase.id);
    const letter = await ok(engine, 'letters.generate', { caseId: kase.id, kind: 'appeal' });
    const fields = letter.checklist.map((c) => c.field);
    expect(fields).not.toContain('enclosed.providerLetter');
    expect(fields).not.toContain('enclosed.records');
    expect(await letterText(engine, letter.documentId)).toContain('Clinical records (1 document)');
    // The data kept with the letter holds the documents it encloses, not the whole case's list.
    const kept = engine.db
      .prepare('SELECT data_json FROM letters WHERE document_id = ?')
      .pluck()
      .get(letter.documentId) as string;
    expect(
      (JSON.parse(kept) as { detail: { documents: { fileName: string }[] } }).detail.documents.map(
        (d) => d.fileName,
      ),
    ).toEqual(['lmn-signed.docx', 'progress-note.docx']);
  });

  it('keeps the template and the data each letter was made from', async () => {
    const engine = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(engine);
    const letter = await ok(engine, 'letters.generate', { caseId, kind: 'lawmaker', recipientId });
    const origin = engine.db
      .prepare('SELECT * FROM letters WHERE document_id = ?')
      .get(letter.documentId) as {
      template_source: string;
      data_json: string;
      kind: string;
    };
    expect(origin.kind).toBe('lawmaker');
    expect(origin.template_source).toContain('kind: lawmaker');
    expect(JSON.parse(origin.data_json).detail.case.memberId).toBe('XQZ123456789');

    // Like an imported document, a letter keeps a preview and its text, and search finds its
    // case by the letter's words (an advocate looks a case up by what they wrote to the plan).
    const view = await ok(engine, 'documents.get', { id: letter.documentId });
    expect(view.html).toContain('constituent');
    expect(view.text).toContain('constituent');
    expect((await ok(engine, 'search', { query: 'constituent' })).map((c) => c.id)).toEqual([
      caseId,
    ]);
    expect((await ok(engine, 'search', { query: 'Okonkwo' })).map((c) => c.id)).toEqual([caseId]);
  });

  it('marks what a thin case lacks as gaps and lists each in the checklist with where to fill it', async () => {
    const engine = tempEngine();
    const { case: kase, client } = await clientWithCase(
      engine,
      {},
      { memberId: null, groupNumber: null },
    );
    const preview = await ok(engine, 'letters.preview', { caseId: kase.id, kind: 'appeal' });
    const labels = preview.checklist.map((i) => i.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'a recipient',
        'member ID',
        'medication trials',
        'the denial (date, reference, reason)',
      ]),
    );
    expect(labels.filter((l) => /denial/.test(l))).toHaveLength(1);
    const memberId = preview.checklist.find((i) => i.label === 'member ID');
    expect(memberId?.link).toBe(`/cases/${kase.id}?focus=case-memberId`);
    const dob = await ok(engine, 'letters.preview', { caseId: kase.id, kind: 'medical-necessity' });
    expect(dob.checklist.every((i) => !i.link.includes('undefined'))).toBe(true);
    expect(client.id).toBeGreaterThan(0);

    const letter = await ok(engine, 'letters.generate', { caseId: kase.id, kind: 'appeal' });
    expect(letter.gaps).toBeGreaterThan(0);
    const text = await letterText(engine, letter.documentId);
    expect(text).toContain('[member ID needed]');
    expect(text).toContain('[a recipient needed]');
    expect(text).not.toMatch(RAW_SYNTAX);
  });

  it("prints a client's data literally, even when it looks like Markdown or template code", async () => {
    const engine = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(engine);
    const hostile =
      '{{ advocate.name }} **bold** | cell | <script>x</script> # heading \\ {% raw %}';
    await ok(engine, 'denials.create', {
      caseId,
      values: {
        deniedOn: '2024-09-01',
        referenceNumber: 'REF|1',
        reason: hostile,
        service: 'IV ketamine',
      },
    });
    const letter = await ok(engine, 'letters.generate', { caseId, kind: 'appeal', recipientId });
    const text = await letterText(engine, letter.documentId);
    expect(text).toContain(hostile);
    expect(text).toContain('REF|1');
  });

  it('a value captured and printed again stays literal, and optional blanks print nothing', async () => {
    const engine = tempEngine();
    const { caseId } = await fullLetterCase(engine);
    await ok(engine, 'denials.create', {
      caseId,
      values: { deniedOn: '2024-09-01', reason: '*not* covered | see 1. below', service: 'TMS' },
    });
    const preview = await ok(engine, 'letters.preview', {
      caseId,
      source:
        '---\nname: T\nkind: appeal\n---\n{% capture why %}Reason: {{ denial.reason }}{% endcapture %}{{ why }}\n\n[{% if recipient.title %}titled{% endif %}{{ recipient.title }}]',
    });
    expect(preview.model.body).toEqual([
      { type: 'paragraph', runs: [{ text: 'Reason: *not* covered | see 1. below' }] },
      { type: 'paragraph', runs: [{ text: '[]' }] },
    ]);
  });

  it('refuses a template that reaches for files, and stops one that runs away', async () => {
    const engine = tempEngine();
    const { caseId } = await fullLetterCase(engine);
    const head = '---\nname: Test\nkind: appeal\n---\n';
    const include = await fails(engine, 'letters.preview', {
      caseId,
      source: `${head}{% include '/etc/passwd' %}`,
    });
    expect(include.code).toBe('invalid-input');
    expect(include.message).not.toContain('root:');
    const loop = await fails(engine, 'letters.preview', {
      caseId,
      source: `${head}{% for i in (1..100000000) %}{{ i }}{% endfor %}`,
    });
    expect(loop.code).toBe('invalid-input');
    expect(loop.message).toMatch(/template/i);
    // A name the letter's values do not have of their own is refused, never looked up.
    const proto = await fails(engine, 'letters.preview', {
      caseId,
      source: `${head}A{{ client.constructor }}B{{ client.name.length }}C`,
    });
    expect(proto.code).toBe('invalid-input');
    expect(proto.message).toContain('{{ client.constructor }}');
    expect(proto.message).not.toMatch(/function|Object\b/);
  });

  it('names what is wrong with a template and saves nothing', async () => {
    const engine = tempEngine();
    const before = rowCounts(engine);
    const cases: [string, RegExp][] = [
      ['no settings at all', /three dashes/],
      ['---\nname: X\nkind: poem\n---\nHi', /kind.*must be one of/],
      ['---\nname: [unclosed\nkind: appeal\n---\nHi', /settings could not be read/],
      ['---\nname: X\nkind: appeal\n---\n{% if x %}never closed', /letter text has a problem/],
      ['---\nname: X\nkind: appeal\nre:\n  - "{{ oops"\n---\nHi', /re line 1 has a problem/],
    ];
    for (const [source, message] of cases) {
      const error = await fails(engine, 'templates.save', { source });
      expect(error.code, source).toBe('invalid-input');
      expect(error.message, source).toMatch(message);
    }
    expect(rowCounts(engine)).toEqual(before);
  });

  it('edits, duplicates and resets built-ins; deletes only the user’s own', async () => {
    const engine = tempEngine();
    const list = await ok(engine, 'templates.list', {});
    const appeal = list.find((t) => t.builtInKey === 'appeal')!;
    // Each says whom it is meant for, so the window offers those contacts first.
    expect(appeal.recipientKind).toBe('insurer');
    expect(list.find((t) => t.builtInKey === 'lawmaker')?.recipientKind).toBe('lawmaker');
    const original = await ok(engine, 'templates.get', { id: appeal.id });

    const edited = await ok(engine, 'templates.save', {
      id: appeal.id,
      version: original.version,
      source: original.source.replace(/\n---\n/, '\n---\nPS: edited by the advocate.\n\n'),
    });
    expect(edited.modified).toBe(true);

    const copy = await ok(engine, 'templates.duplicate', { id: appeal.id });
    expect(copy).toMatchObject({
      name: `Copy of ${appeal.name}`,
      kind: 'appeal',
      builtInKey: null,
    });
    expect(copy.source).toContain('PS: edited by the advocate.');

    const reset = await ok(engine, 'templates.reset', { id: appeal.id });
    expect(reset.source).toBe(original.source);
    expect(reset.modified).toBe(false);

    expect((await fails(engine, 'templates.delete', { id: appeal.id })).message).toMatch(/reset/);
    expect((await fails(engine, 'templates.reset', { id: copy.id })).message).toMatch(/your own/);
    await ok(engine, 'templates.delete', { id: copy.id });
    expect((await ok(engine, 'templates.list', {})).map((t) => t.id)).not.toContain(copy.id);
  });

  it('previews unsaved template text on a real case', async () => {
    const engine = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(engine);
    const preview = await ok(engine, 'letters.preview', {
      caseId,
      recipientId,
      source:
        '---\nname: Quick note\nkind: appeal\nre:\n  - "Member {{ plan.memberId }}"\n---\n## Hello\n\nDear {{ recipient.salutation }}, {% for m in medications %}{{ m.name }}; {% endfor %}',
    });
    expect(preview.model.re).toEqual([[{ text: 'Member XQZ123456789' }]]);
    expect(preview.model.body[0]).toEqual({ type: 'heading', runs: [{ text: 'Hello' }] });
    expect(preview.model.body[1]).toEqual({
      type: 'paragraph',
      runs: [{ text: 'Dear Dr. Park, Sertraline; Venlafaxine XR; Bupropion XL;' }],
    });
  });

  it('saves a document to a chosen file, and says so when the folder does not exist', async () => {
    const engine = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(engine);
    const letter = await ok(engine, 'letters.generate', {
      caseId,
      kind: 'claim-file-request',
      recipientId,
    });
    const path = join(tempDir(), 'letter.docx');
    await ok(engine, 'documents.saveTo', { id: letter.documentId, path });
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
    const missing = await fails(engine, 'documents.saveTo', {
      id: letter.documentId,
      path: join(tempDir(), 'no', 'x.docx'),
    });
    expect(missing.message).toMatch(/folder does not exist/);
  });
});
