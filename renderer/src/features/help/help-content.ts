// The in-app help, written for advocates, kept as data: one section per feature, each with an
// anchor the pages link to. Plain strings only: React escapes them, so nothing here is HTML.

export type HelpBlock = string | { steps: string[] } | { points: string[] };

export interface HelpSection {
  id: string;
  title: string;
  blocks: HelpBlock[];
}

export const HELP: HelpSection[] = [
  {
    id: 'cases',
    title: 'Clients and cases',
    blocks: [
      'A client is the person you help. A case is one request for coverage of one treatment — for example IV ketamine, esketamine (Spravato) or TMS — with the insurance plan and the treating provider it involves. One client can have several cases.',
      {
        steps: [
          'Choose “New client” and fill in the person’s name, date of birth and contact details.',
          'On the client’s page, choose “New case for this client” and enter the requested treatment, the insurer, the plan type and the member ID.',
          'On the case page, add diagnoses with their ICD-10 codes, each medication tried (with dates, dose and why it stopped), questionnaire scores such as the PHQ-9, calls and deadlines.',
        ],
      },
      'The more complete the treatment history, the stronger the letters: insurers usually ask for several failed medications from different classes before they approve these treatments.',
      {
        points: [
          'Names come in parts: first, middle (or an initial) and last name, with a suffix such as Jr. and a preferred name when they have one. Choose how letters refer to the client after giving the full name: “Mr. Rivera” (choose the title), “Jordan Rivera” or “Jordan”.',
          'Dates of diagnoses, treatments and scores can be as precise as the record: a day (2019-03-15), a month (2019-03, or type 03/2019 or March 2019) or a year (2019). The form says how it reads what you type. Letters print “March 2019” for a month and never turn it into March 1; the length of a treatment between two months reads “about 8 months”.',
          'For each medication, record the highest dose reached and the weeks at a therapeutic dose: payers ask for both, and letters print them in the treatment table.',
          'ICD-10 codes are checked against the official ICD-10-CM code set (fiscal year 2026) that comes with the app: a code that does not exist is refused with the nearest real one, a category such as F33 asks you to choose a full code (F33.0–F33.9), and the description is filled in when you leave it empty.',
          'A treatment’s drug class (SSRI, SNRI, atypical antipsychotic…) is filled from the app’s drug list when you leave it empty — brand names and common misspellings included — and you can type your own. Letters and the readiness meter count the distinct classes tried. A drug or therapy the app does not know can be added under Settings → Treatments you added; treatments saved under that name then get its class.',
          'Phone and fax numbers are written as (555) 123-4567, ZIP codes as 62701 or 62701-1234, and CPT/HCPCS codes as 90867 or J0585 with modifiers such as 90867-59.',
        ],
      },
      'Search at the top of every page finds the cases that hold every word you type — in the client’s details, the case, its records, its imported documents, or one of the letters the app wrote for it: a name, a drug, a member ID or a phrase from your notes or a letter. The last word may be the start of a word (“Okon” finds Okonkwo; words of one or two letters are matched whole). Cases the words describe come first, then cases that only mention them in a document or a letter, newest first.',
      'The case list narrows by status, insurer, treatment, plan type and what is due within 7, 30 or 90 days (overdue included), on top of the words you type. Click a column’s header to sort by it (client, treatment, status in the order coverage is won, insurer, next due, last activity); click again to reverse it. The filters and order are kept in the page’s address, so a bookmark brings the same list back. “Export CSV” saves every matching case (not only the page shown) for a spreadsheet; “Print list” prints the list alone.',
      'Tags (“Add tags” beside a case’s name, separated by commas) group cases your own way — a language, a funder, “urgent” — and the list filters by them. “Save this view…” names the filters and order on screen; the view’s button brings them back, ✎ renames it and × deletes it. Tick cases (or the box in the header for the whole page) to move them to a stage together — each from the stage the list showed, so one that was changed elsewhere meanwhile is left and named — to write the same letter for each, or to export just those as CSV.',
      'Long lists — cases, search results, clients, contacts, the dashboard’s lists — show a page at a time with how many there are in all, and “Show more”. When more than 1,000 cases match a search, add a word to narrow it.',
      'Saving a form changes only the fields you edited. If the same case, record or template was changed somewhere else since you opened it — another window, accepted facts, the command line — nothing is saved: you see what changed, your value and the newer one side by side, and choose “Keep mine” or “Take the newer values”. While you have not edited a form, changes made elsewhere simply appear in it; changes to fields you did not touch appear too, and keep your edits.',
    ],
  },
  {
    id: 'unsaved',
    title: 'Changes made elsewhere, and work not yet saved',
    blocks: [
      'Pages keep themselves up to date: a change made in another window or tab, or with the advocate command, shows within a couple of seconds without reloading. What you are typing is left as you typed it.',
      {
        points: [
          'Leaving a page, closing or reloading the window, or pressing Esc on a dialog with changes you have not saved asks first: “Keep editing” (the default, also Esc) or “Discard”.',
          'Long text — notes, call summaries, denial reasons, functional impact, prognosis — is kept as a draft while you type. If the page reloads by accident, the form offers it back: “Restore your unsaved draft from 10:42?”',
          'Drafts live only in this window and are gone when it closes; saving the form clears them.',
        ],
      },
    ],
  },
  {
    id: 'import',
    title: 'Importing records and reviewing facts',
    blocks: [
      'On the case page, choose “Import files” (or drag files onto Documents) and pick one or more records. Advocate Desk reads Word documents (.docx, with their headers, footers, footnotes and text boxes), older Word 97–2003 documents (.doc, as text without their layout) and PDFs that have a text layer (most denials, EOBs and plan documents saved from a computer). The original file is kept with the case.',
      'Scans and faxes are read by OCR (optical character recognition) on this computer, never online: PDFs that are only pictures of pages, pictures of pages (.png, .jpg) and faxes saved as TIFF (.tif, including multi-page faxes). OCR takes a few seconds a page and reads at most 50 pages of one file. OCR can misread a character, so every such document carries a note, “Read by OCR (mean confidence …%)”: check names, dates, ID numbers and doses in the proposed facts against the original before accepting them. A clean, straight scan at 300 dpi reads best.',
      'Not read: Word 6.0/95 or older files (save them again as .docx), and scans in which OCR finds no words (blank, upside down, or too faint): each is refused with a message saying which it is.',
      'A password-protected .docx or PDF asks for its password; the password is used only to open the file and is never kept. A wrong password says so and lets you try again or skip the file.',
      'Each document gets a type — denial notice, explanation of benefits, clinical note, the provider’s letter of medical necessity (signed, or a draft), plan document, medical policy, authorization, intake form, correspondence — guessed from its text. Change it in the Type column of the documents list when the guess is wrong: the readiness meter and the enclosure lists of letters go by it. Only a signed letter from the provider counts as the provider’s letter (never a draft, nor a letter made here), and only clinical notes count as medical records (never an intake form or a denial notice).',
      'Advocate Desk reads each document and proposes facts it recognizes: diagnoses and their codes, medications and their classes, scores, dates, provider and plan numbers, and a denial notice as one denial. Each fact is checked against the case: “New”, “In the case” (already recorded, not offered again), or “Differs from the case” (what the case holds and what the document says, side by side). Nothing is added until you accept it.',
      {
        steps: [
          'Open an imported document and choose “Review facts”. Each fact shows the passage it came from, highlighted when you select it.',
          'Accept a fact as it is, or choose “Edit” to correct it first. For one that differs, “Update the case” puts the document’s value in place of the case’s.',
          'Or choose “Accept all new…”: untick any you do not want, then add the rest in one step. Facts that differ are left for you to decide one by one.',
          'Reject what is wrong: rejected facts move to the bottom of the review, and “Restore” brings one back. They stay rejected after the app restarts.',
        ],
      },
      'Accepting never makes a second record: a diagnosis already on the case (by its code), the same medication with overlapping dates (a brand name counts as its generic), a score of the same date, a member ID already there. A fact accepted meanwhile in another window or from the command line is not added again. “Add diagnosis” (and treatment, assessment) also warns before adding one the case already holds.',
      'Accepted facts remember which document they came from.',
      'A damaged or oversized file is refused with a message saying why; the other files still import.',
    ],
  },
  {
    id: 'letters',
    title: 'Letters and templates',
    blocks: [
      'The Letters section of a case writes a Word letter from the case: letters of medical necessity, prior-authorization cover letters, appeals, external review requests, complaints to the state and letters to lawmakers.',
      {
        steps: [
          'Pick the letter and the person it goes to. A default recipient for each kind of letter can be chosen in Settings.',
          'The checklist lists what the letter still lacks; each item links to the field to fill in.',
          'Choose “Preview” to read it, then “Generate letter”. The .docx is saved with the case’s documents; open it in Word to sign and send.',
        ],
      },
      'Under “Letters written”, each letter shows where it stands. “Record as sent” keeps the date, how it went (fax, certified mail, mail, the insurer’s portal, email, by hand) and the proof — the fax confirmation or certified-mail number. The answer’s due date follows from the rule for that letter and the case’s plan (an appeal to an employer plan: 30 days, 72 hours when expedited; a prior authorization: 15 days; plan documents: 30 days) and appears with the case’s deadlines, on the dashboard and in the calendar. “Record answer” keeps the date and the outcome and stops the clock. A letter to a lawmaker or a form the client signs has no answer time, and says so.',
      'Gaps the case could not fill are marked in yellow in the letter, and each is a Word comment saying what to fill in (Review → Next comment finds them), so nothing goes out with a blank.',
      'An external review request says “final internal denial” only when the case has one (record the denial’s decision level); otherwise it states the urgent-claim basis or asks for yours. It names the process for the plan type (ERISA self-funded: the federal process; fully insured and marketplace: the state’s) and, once the date the final denial arrived is recorded, the last day to ask (4 months later). Letters greet the recipient by office or title (“Senator Reyes”, “Dr. Ruiz”), say above the address how they are sent (by fax when the recipient has a fax number, else certified mail to an insurer or agency), and keep identifiers and phone numbers from breaking across lines.',
      'Appeals and the external review argue the kind of denial: for “experimental”, the treatment’s regulatory status (esketamine FDA-approved under its REMS, TMS FDA-cleared, IV ketamine off-label with trial and guideline support) and the plan’s own definition quoted back when you record it on the denial; for step therapy, the trials already tried and the state’s exception law when you record it; for an exclusion or a limit, the plan provision and parity. A reason of several paragraphs is quoted as paragraphs.',
      'Evidence cited: the case page suggests studies from the evidence library for the treatment, the diagnoses and the kind of denial, with why. Pick the ones to cite; appeals and the letter of medical necessity cite them in the argument and list them under References. A letter cites nothing that is not in the library and picked for the case.',
      'The Evidence library holds trials, guidelines and FDA actions on IV ketamine, esketamine and TMS. PMID and DOI are kept only where they were seen on a public page; an entry without them says what to check before quoting it. Find any entry by its words, and add, edit or delete your own.',
      'Letter templates can be changed under “Letter templates”: your own wording, enclosures and who signs. “Insert a field” lists every name a template can use; a misspelt one is refused with the nearest right name. A template can ask its own questions (answered once per case under “Questions the letters ask”). A built-in template can always be reset to the original; it asks first.',
      'Your letterhead: either your name, organization and address from your profile, or your own Word letterhead with {{letter}} where the letter should start (Profile or Settings).',
    ],
  },
  {
    id: 'criteria',
    title: 'Payer criteria',
    blocks: [
      'A criteria set is one payer’s coverage policy for one treatment: the payer, the policy’s name and number, the treatment, its effective date, where it is from and the policy’s own words, and its criteria. Each criterion is either a rule the app checks against the case’s records (age, diagnosis codes, failed medication trials, distinct drug classes, weeks at a therapeutic dose, augmentation, psychotherapy, a score at or above a threshold, ECT, the prescriber’s specialty, the setting, REMS, the number of sessions) or a question you answer.',
      'The app comes with example sets for esketamine (Spravato), TMS and IV ketamine, taken from public policies with their sources. Payers change their policies often: check a set against the plan’s current policy and the member’s plan documents, and copy it to make it your own. Payer criteria in the menu lists them: create, copy, edit and delete sets there.',
      {
        steps: [
          'On the case page, Payer criteria suggests a set when one matches the insurer and the treatment. Choose “Use this set”, or pick another in the list.',
          'Each criterion shows Met (with the records that meet it), Not met or Unknown, and what to gather. A month or a year is used only as far as it is known: a trial from March to April 2019 might have lasted eight weeks, so it needs its weeks at a therapeutic dose recorded before it counts for six.',
          'Answer the questions (and any rule the records cannot settle) with “Yes, documented” and where it is documented, or “No”. Answers are kept with the case.',
        ],
      },
      'While a set is linked, its criteria are the case’s readiness list; a case without one keeps the general list. Letters of medical necessity, prior-authorization cover letters, appeals and external review requests answer the criteria one by one, and list the unmet or unknown ones in the checklist before you generate. A letter never says a criterion is met unless the records or your answer show it.',
    ],
  },
  {
    id: 'workflow',
    title: 'Denials, deadlines and the dashboard',
    blocks: [
      'When an insurer says no, record the denial on the case page: the date on the notice, when it arrived, the reference number and the reason word for word. Its kind (experimental, not medically necessary, step therapy, out of network, exclusion, quantity limit, administrative, coding) is read from the reason as you type it; change it if it reads wrong.',
      'Imported the denial notice? Accept its denial in “Review facts”, or choose “Record denial”: it opens filled in from the notice (dates, reference and claim numbers, the service, the reason as written, which decision, the deadline the letter states, where to send the appeal and the fax). Check each field against the notice before saving. If the notice says what kind of plan it is (“governed by ERISA”) and the case has no plan type yet, it offers to set it, so the deadline can be worked out. The denial links to the notice; nothing is added to the call log.',
      'A letter that only says no decision has arrived (“no denial has been received”) does not propose a denial.',
      'Advocate Desk works out the appeal deadline from the plan type and the federal rules, and shows the rule it used. If the notice states a different date, enter it — the earlier, safer date is the one to meet.',
      {
        points: [
          'Deadlines and tasks appear on the case, in the case list (“Next due”) and on the dashboard.',
          'The dashboard shows what is overdue and what is due in the next 7 days (the seventh day included), then under “Coming up” what is due in 8 to 30 days, in 31 to 90 days and later, so nothing open is left off; letters you sent whose answer is past due (longest late first); then cases waiting on an insurer past its decision time, and cases nobody has touched for a while.',
          'Deadlines can be exported to Outlook or Google Calendar from the dashboard. Clients appear by their initials, with no treatment or insurer, unless you tick “Full names”: calendars synced online keep a copy of what you export.',
          'Log each call, fax and portal message with its reference number: appeals often turn on what was said and when.',
        ],
      },
    ],
  },
  {
    id: 'backups',
    title: 'Backups, restore and moving computers',
    blocks: [
      'Advocate Desk backs up your whole library once a day when it starts (and checks again every hour while it is open), and before every update. Older backups are thinned out: the newest 5, one a day for a week, one a week for a month, one a month for a year.',
      {
        points: [
          'Choose a backup folder on another drive or a synced folder in Settings or on the Backups page, so a copy survives if this computer fails.',
          '“Back up now” (Backups page, or the command palette) takes one at once.',
          'To restore, choose a backup on the Backups page. Your current library is backed up first, so a restore can be undone.',
          'A restore or a move is refused while another program has the library open (the browser host, or an advocate command still running): close it first, or restore from inside it.',
          'To move to a new computer, export the whole library as an archive from the Backups page, copy the file, install Advocate Desk there and import it.',
          'Importing an archive adds all of it or, if anything goes wrong, none of it. A built-in letter template you had edited arrives as your own copy, “… (edited, from archive)”, beside the original.',
        ],
      },
      'The library itself is one file; its location is shown in Settings. Each time the app starts it checks the whole file for damage in the background (a line at the top says so while it runs; the Backups page shows the last result). If it finds damage, nothing more can be changed in the library, and a banner offers to restore the newest good backup (the damaged file is kept beside the backups).',
    ],
  },
  {
    id: 'privacy',
    title: 'Privacy: nothing leaves this computer',
    blocks: [
      'Everything you enter — clients, cases, documents, letters — stays in one file on this computer. Advocate Desk has no account, no cloud and no tracking, and it never sends anything over the internet.',
      'Backups and archives contain your clients’ health information. Keep them in folders only you can open, and use an encrypted drive for copies that leave the office.',
      'The library and its backups can be read by your user account only. Deleting a client, a case or a document removes its words from the library file itself, search index included; backups taken before the delete still hold it until they are rotated away (at most about a year).',
      '“Open in Word” opens a temporary copy that Advocate Desk removes when it closes (and clears out any left over, an hour old or more, when it starts). To keep changes you make in Word, save the document under a new name in a folder of your own.',
    ],
  },
  {
    id: 'shortcuts',
    title: 'Getting around faster',
    blocks: [
      {
        points: [
          'Ctrl+K (⌘K on a Mac) opens the command palette anywhere: type a client’s name, a treatment or an action such as “New case”, move with the arrow keys and press Enter.',
          'On a case page, single keys open common actions (shown on their buttons).',
          'On a case page, the palette also offers that case’s actions: type “log call”, “denial”, “letter” or “import”. The links under the case’s title reach each section (Overview, Workflow, Records, Letters, Documents, History) in one click.',
          'Every action works from the keyboard; Tab moves between fields and Esc closes a dialog.',
          'The sample case from the welcome can be removed in one click from the dashboard or the case list. The welcome can be shown again from Settings.',
        ],
      },
    ],
  },
  {
    id: 'authorizations',
    title: 'Authorizations',
    blocks: [
      'Keep each client’s authorizations on their client page (Authorizations): every case of theirs uses them. Choose the kind and Add authorization: a Medicare appointment of representative (CMS-1696), an authorized-representative designation for an employer plan or insurer, a HIPAA authorization to release records, or a congressional privacy release.',
      {
        points: [
          'The representative is you, from your profile, unless you name another person.',
          'A CMS-1696 is valid one year from the later of the two signatures: Advocate Desk works the date out. A HIPAA authorization needs an expiry date or event.',
          'Attach the signed copy, or the plan’s own form, after importing it into one of the client’s cases. An assignment of benefits is not a representative designation: you are told when one looks like it.',
          'Write form makes the authorization into a form to sign (.docx) in the client’s newest case; what is missing shows as a gap to fill.',
          'An appeal, external review or claim-file request you sign lists a missing or expired appointment on its checklist; a letter to a lawmaker lists a missing privacy release.',
          'The dashboard lists authorizations that expire within 60 days or have expired, for clients with an open case; the calendar export includes their expiry dates.',
        ],
      },
    ],
  },
  {
    id: 'coverage',
    title: 'Coverage: benefits, networks, parity and help beyond the plan',
    blocks: [
      'The Coverage part of a case keeps the work around the plan’s rules. Each list has its own Add button; edits from an older copy are refused and shown, like every record.',
      {
        points: [
          'Benefits checks: what the plan said on a call or in its documents — network status and tier, prior authorization and referral, deductible and out-of-pocket maximum (and how much of each is met), copay or coinsurance, limits, the representative and the call’s reference number. A question nobody answered stays “Not confirmed”. Under the list, the client’s estimated cost of the course in and out of network, with what it lacks or assumes.',
          'Access log: each in-network provider tried, with the date, result, wait offered and distance. The network-gap request letter lists them all.',
          'Network-gap and single-case requests: the clinician’s rationale, the decision and the approved terms. An agreement’s end date becomes a deadline.',
          'Peer-to-peer calls: the reviewer, their credentials, what was asked for and the outcome. Before the call, write the Peer-to-peer preparation sheet for the provider (Letters).',
          'Help beyond the plan: manufacturer programs, foundations, sliding scales, payment plans, HSA/FSA, superbills and trials, with amounts, caps and renewal dates; a renewal becomes a deadline on the dashboard and in the calendar.',
          'Letters adds the parity (MHPAEA) disclosure request — once recorded as sent, its answer is due in 30 days and a lapsed one shows on the dashboard — the parity complaint to EBSA or the state, the network-gap request, the peer-to-peer sheet and the benefits call script.',
        ],
      },
    ],
  },
  {
    id: 'packets',
    title: 'Packets: a letter and its enclosures, ready to fax',
    blocks: [
      'Under “Letters written” on a case, Packet… puts a letter and its enclosures together behind a fax cover sheet and an index with page counts.',
      {
        points: [
          'What the letter calls for is ticked for you: the client’s authorization it needs (when one is in force), denial notices, the provider’s signed letter, clinical notes and the citations. Tick others, untick, and use ↑ ↓ to set the order.',
          '“Before you send it” names what to fix: gaps left in the letter, no fax number for the recipient, the authorization missing or not in force, a document with no text to include.',
          'Make the packet keeps it with the case’s documents as a Word file. The desktop app also makes a PDF. In the browser, open Print view (Save as PDF) and print to PDF. From the command line: advocate packet --letter ID --suggested --out packet.docx --pdf (LibreOffice makes the PDF).',
          'Page counts are an estimate until Word or LibreOffice lays the pages out.',
          'Record as sent (on the letter) keeps the date and the fax confirmation or certified-mail number, and starts the insurer’s clock from that day.',
        ],
      },
    ],
  },
];
