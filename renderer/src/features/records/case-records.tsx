// The record sections of a case page: diagnoses, treatments, scores, calls and deadlines.
import { CHANNEL, DEADLINE_KIND, TREATMENT_KIND } from '../../../../electron/contract/choices';
import type { CaseDetail } from '../../../../electron/contract/case';
import { RecordSection } from '../../components/record-section';
import { formatDate, orDash } from '../../lib/format';
import {
  ASSESSMENT_SPECS,
  COMMUNICATION_SPECS,
  DEADLINE_SPECS,
  DIAGNOSIS_SPECS,
  TREATMENT_SPECS,
} from '../../lib/specs';

export function CaseRecords({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const caseId = detail.case.id;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <RecordSection
        kind="diagnoses"
        title="Diagnoses"
        noun="diagnosis"
        caseId={caseId}
        rows={detail.diagnoses}
        specs={DIAGNOSIS_SPECS}
        empty="No diagnoses yet. Insurers decide medical necessity against the ICD-10 codes."
        onChanged={onChanged}
        columns={[
          { header: 'ICD-10 code', render: (d) => <span className="code">{d.icd10Code}</span> },
          { header: 'Description', render: (d) => orDash(d.description) },
          { header: 'Diagnosed on', render: (d) => formatDate(d.diagnosedOn) },
        ]}
      />
      <RecordSection
        kind="treatments"
        title="Treatment history"
        noun="treatment"
        caseId={caseId}
        rows={detail.treatments}
        specs={TREATMENT_SPECS}
        empty="No treatments recorded. Step-therapy appeals rest on what was tried and why it stopped."
        onChanged={onChanged}
        columns={[
          { header: 'Kind', render: (t) => TREATMENT_KIND.labels[t.kind] },
          {
            header: 'Name',
            // The class under the name, not in a column of its own: the table stays narrow.
            render: (t) => (
              <>
                {t.name}
                {t.drugClass && <span className="strip-sub">{t.drugClass}</span>}
              </>
            ),
          },
          {
            header: 'Highest dose',
            render: (t) => (
              <>
                {orDash(t.maxDose ?? t.dose)}
                {t.weeksAtTherapeuticDose !== null && (
                  <span className="strip-sub">
                    {t.weeksAtTherapeuticDose} wk at a therapeutic dose
                  </span>
                )}
              </>
            ),
          },
          { header: 'Started', render: (t) => formatDate(t.startedOn) },
          { header: 'Ended', render: (t) => formatDate(t.endedOn) },
          { header: 'Outcome', render: (t) => orDash(t.outcome) },
        ]}
      />
      <RecordSection
        kind="assessments"
        title="Assessments"
        noun="assessment"
        caseId={caseId}
        rows={detail.assessments}
        specs={ASSESSMENT_SPECS}
        empty="No scores yet. Add PHQ-9, GAD-7 or other standard measures."
        onChanged={onChanged}
        columns={[
          { header: 'Instrument', render: (a) => a.instrument },
          { header: 'Score', render: (a) => a.score },
          { header: 'Date', render: (a) => formatDate(a.assessedOn) },
          { header: 'Notes', render: (a) => orDash(a.notes) },
        ]}
      />
      <RecordSection
        kind="communications"
        title="Communication log"
        noun="communication"
        caseId={caseId}
        rows={detail.communications}
        specs={COMMUNICATION_SPECS}
        empty="No calls or letters logged. Note every contact with a reference number."
        onChanged={onChanged}
        columns={[
          { header: 'Date', render: (c) => formatDate(c.occurredOn) },
          { header: 'Channel', render: (c) => CHANNEL.labels[c.channel] },
          { header: 'Person', render: (c) => orDash(c.person) },
          { header: 'Reference', render: (c) => orDash(c.referenceNumber) },
          { header: 'Summary', render: (c) => <span className="pre-line">{c.summary}</span> },
        ]}
      />
      <RecordSection
        kind="deadlines"
        title="Deadlines & tasks"
        noun="deadline or task"
        caseId={caseId}
        rows={detail.deadlines}
        specs={DEADLINE_SPECS}
        empty="Nothing due. Add appeal deadlines so none is missed."
        onChanged={onChanged}
        columns={[
          { header: 'Kind', render: (d) => DEADLINE_KIND.labels[d.kind] },
          { header: 'Title', render: (d) => d.title },
          {
            header: 'Due on',
            render: (d) =>
              !d.completedOn && d.dueOn < today ? (
                <span className="overdue">{formatDate(d.dueOn)} (overdue)</span>
              ) : (
                formatDate(d.dueOn)
              ),
          },
          { header: 'Completed', render: (d) => formatDate(d.completedOn) },
        ]}
      />
    </>
  );
}
