// The case history in words: every API call that writes has a phrase a person understands, and
// the recorded actor ("root via browser: cases.update") becomes "in the browser · Changed the case".
import type { ApiName } from './api';

/** What each writing call did, in words; a test checks every writing call is here. */
export const WRITE_PHRASES: Partial<Record<ApiName, string>> = {
  'library.move': 'Moved the library',
  'profile.update': 'Changed the profile',
  'clients.create': 'Added a client',
  'clients.update': 'Changed the client',
  'clients.delete': 'Deleted a client',
  'cases.create': 'Opened the case',
  'cases.update': 'Changed the case',
  'cases.delete': 'Deleted the case',
  'diagnoses.create': 'Added a diagnosis',
  'diagnoses.update': 'Changed a diagnosis',
  'diagnoses.delete': 'Deleted a diagnosis',
  'treatments.create': 'Added a treatment tried',
  'treatments.update': 'Changed a treatment tried',
  'treatments.delete': 'Deleted a treatment tried',
  'assessments.create': 'Added a score',
  'assessments.update': 'Changed a score',
  'assessments.delete': 'Deleted a score',
  'communications.create': 'Logged a call or letter',
  'communications.update': 'Changed a log entry',
  'communications.delete': 'Deleted a log entry',
  'communications.log': 'Logged a call or letter',
  'deadlines.create': 'Added a deadline or task',
  'deadlines.update': 'Changed a deadline or task',
  'deadlines.delete': 'Deleted a deadline or task',
  'contacts.create': 'Added a contact',
  'contacts.update': 'Changed a contact',
  'contacts.delete': 'Deleted a contact',
  'contacts.importLawmakers': 'Imported lawmakers',
  'documents.import': 'Imported documents',
  'documents.importFile': 'Imported a document',
  'documents.saveTo': 'Saved a copy of a document',
  'documents.open': 'Opened a document',
  'documents.delete': 'Deleted a document',
  'documents.update': 'Changed a document',
  'templates.save': 'Changed a letter template',
  'templates.duplicate': 'Copied a letter template',
  'templates.reset': 'Reset a letter template',
  'templates.delete': 'Deleted a letter template',
  'letters.generate': 'Generated a letter',
  'letters.generateMany': 'Generated letters',
  'caseAnswers.save': 'Answered a question the letters ask',
  'letterhead.set': 'Set the letterhead',
  'letterhead.clear': 'Removed the letterhead',
  'exchange.import': 'Imported cases',
  'citations.create': 'Added a study to the evidence library',
  'citations.update': 'Changed a study in the evidence library',
  'citations.delete': 'Deleted a study from the evidence library',
  'caseCitations.pick': 'Cited a study',
  'caseCitations.unpick': 'Stopped citing a study',
  'stages.move': 'Moved the stage',
  'denials.create': 'Added a denial',
  'denials.update': 'Changed a denial',
  'denials.delete': 'Deleted a denial',
  'backups.create': 'Backed up the library',
  'backups.setFolder': 'Chose the backup folder',
  'backups.restore': 'Restored a backup',
  'archive.import': 'Imported an archive',
  'settings.setDefaultRecipient': 'Set a default recipient',
  'welcome.finish': 'Finished the welcome',
  'sample.status': 'Checked the sample case',
  'sample.create': 'Added the sample case',
  'sample.remove': 'Removed the sample case',
  'facts.accept': 'Accepted a fact found in a document',
  'facts.acceptAll': 'Accepted the facts found in a document',
  'facts.reject': 'Set aside a fact found in a document',
  'facts.restore': 'Brought back a fact set aside',
  'vocabulary.customTreatments': 'Listed custom treatments',
  'vocabulary.addTreatment': 'Added a custom treatment',
  'vocabulary.removeTreatment': 'Removed a custom treatment',
  'criteria.create': 'Added payer criteria',
  'criteria.update': 'Changed payer criteria',
  'criteria.copy': 'Copied payer criteria',
  'criteria.delete': 'Deleted payer criteria',
  'caseCriteria.link': 'Linked payer criteria to the case',
  'caseCriteria.answer': 'Answered a payer criterion',
  'contacts.fromCase': 'Added a contact from the case',
};

const DOORS: Record<string, string> = {
  browser: 'in the browser',
  app: 'in the app',
  cli: 'from the command line',
  engine: 'by the engine',
};

/** "root via browser: cases.update" → who, where and what, in words. */
export function actorInWords(actor: string): { who: string; where: string; did: string | null } {
  const m = /^(.*?) via ([a-z-]+)(?:: (.+))?$/.exec(actor);
  if (!m) return { who: actor, where: '', did: null };
  const [, who = actor, door = '', name] = m;
  const did = name ? (WRITE_PHRASES[name as ApiName] ?? null) : null;
  return { who, where: DOORS[door] ?? `via ${door}`, did };
}
