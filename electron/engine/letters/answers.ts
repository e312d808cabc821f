// Templates' own questions and a case's answers: each question is asked once per case (by its
// key, whichever templates ask it) and every letter that declares it reads the same answer.
import type { Database } from 'better-sqlite3';
import { AppError } from '../../contract/errors';
import type { CaseQuestions } from '../../contract/letter';
import type { EngineContext, HandlerSet } from '../context';
import { touchCase } from '../cases/touch';
import { templateQueries } from './template-queries';
import { parseTemplate } from './template-source';

export function answerQueries(db: Database) {
  const all = db.prepare('SELECT question, answer FROM case_answers WHERE case_id = ?');
  const upsert = db.prepare(
    `INSERT INTO case_answers (case_id, question, answer) VALUES (?, ?, ?)
     ON CONFLICT (case_id, question) DO UPDATE SET answer = excluded.answer,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  );
  const remove = db.prepare('DELETE FROM case_answers WHERE case_id = ? AND question = ?');
  return {
    forCase: (caseId: number): Record<string, string> =>
      Object.fromEntries(
        (all.all(caseId) as { question: string; answer: string }[]).map((r) => [
          r.question,
          r.answer,
        ]),
      ),
    save: (caseId: number, key: string, answer: string) =>
      answer ? upsert.run(caseId, key, answer) : remove.run(caseId, key),
  };
}

export function answerHandlers({
  db,
}: EngineContext): HandlerSet<'caseAnswers.list' | 'caseAnswers.save'> {
  const answers = answerQueries(db);
  const templates = templateQueries(db);
  const touch = touchCase(db);

  const caseExists = db.prepare('SELECT 1 FROM cases WHERE id = ?');
  const list = (caseId: number): CaseQuestions => {
    if (!caseExists.get(caseId)) {
      throw new AppError('not-found', `No case with id ${caseId}; it may have been deleted.`);
    }
    const byKey = new Map<string, CaseQuestions['questions'][number]>();
    for (const summary of templates.list()) {
      let parsed;
      try {
        parsed = parseTemplate(templates.get(summary.id).source);
      } catch {
        // A template that cannot be read asks nothing until it is fixed.
        continue;
      }
      for (const q of parsed.meta.questions) {
        const seen = byKey.get(q.key);
        if (seen) seen.askedBy.push(summary.name);
        else
          byKey.set(q.key, {
            key: q.key,
            ask: q.ask,
            hint: q.hint ?? null,
            long: q.long,
            askedBy: [summary.name],
          });
      }
    }
    return { questions: [...byKey.values()], answers: answers.forCase(caseId) };
  };

  return {
    'caseAnswers.list': ({ caseId }) => list(caseId),
    'caseAnswers.save': ({ caseId, key, answer }) => {
      touch(caseId);
      answers.save(caseId, key, answer);
      return list(caseId);
    },
  };
}
