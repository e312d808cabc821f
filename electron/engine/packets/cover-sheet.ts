// The packet's first page: who it is for and their fax number, who sends it, what it is about,
// how many pages follow, the notice that it carries health information, and the index of what is
// enclosed with each part's pages.
import type { Block, Run } from '../../contract/letter';
import type { PacketEntry } from '../../contract/packet';

export interface CoverFacts {
  recipient: { name: string; organisation: string | null; fax: string | null } | null;
  from: { name: string; organisation: string | null; phone: string | null; fax: string | null };
  date: string;
  re: string;
  totalPages: number;
  entries: PacketEntry[];
}

const labelled = (label: string, text: string): Block => ({
  type: 'paragraph',
  runs: [{ text: `${label}: `, bold: true }, { text }],
});

export function coverBlocks(c: CoverFacts): Block[] {
  const to = c.recipient
    ? [c.recipient.name, c.recipient.organisation].filter(Boolean).join(', ')
    : 'Recipient not chosen';
  const from = [c.from.name, c.from.organisation].filter(Boolean).join(', ');
  const index: Run[][][] = c.entries.map((e) => [
    [{ text: e.number === 1 ? 'Letter' : String(e.number - 1) }],
    [{ text: e.title }, ...(e.note ? [{ text: ` (${e.note})`, italic: true }] : [])],
    [{ text: String(e.pages) }],
  ]);
  return [
    labelled('To', to),
    labelled('Fax', c.recipient?.fax ?? 'none on file'),
    labelled('From', from || 'Your name (add it in your profile)'),
    ...(c.from.phone ? [labelled('Phone', c.from.phone)] : []),
    ...(c.from.fax ? [labelled('Return fax', c.from.fax)] : []),
    labelled('Date', c.date),
    labelled('Re', c.re),
    labelled('Pages', `${c.totalPages}, including this cover sheet`),
    { type: 'heading', runs: [{ text: 'What is enclosed' }] },
    {
      type: 'table',
      header: [[{ text: 'Part' }], [{ text: 'Document' }], [{ text: 'Pages' }]],
      rows: index,
    },
    {
      type: 'quote',
      runs: [
        {
          text: `Confidential: this transmission contains protected health information, disclosed with the patient’s authorization for the purpose stated. If you received it in error, please tell the sender${c.from.phone ? ` at ${c.from.phone}` : ''} and destroy every copy. Do not read, copy or pass it on.`,
        },
      ],
    },
  ];
}
