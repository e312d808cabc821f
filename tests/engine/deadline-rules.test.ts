// Every deadline rule with its edge cases: leap years, month ends, weekends, federal holidays, and
// time zones (a deadline is a calendar date in the client's state; the machine's zone never moves it).
import { afterEach, describe, expect, it } from 'vitest';
import type { AppealInput } from '../../electron/engine/deadlines/rules';
import { appealDeadline, decisionDue } from '../../electron/engine/deadlines/rules';
import {
  addDays,
  addMonthsOrFirstOfNext,
  dayOfWeek,
  federalHolidays,
  nextBusinessDay,
  todayIn,
} from '../../electron/engine/deadlines/plain-date';
import { todayForState } from '../../electron/engine/deadlines/state-time-zones';

const erisa = (over: Partial<AppealInput> = {}): AppealInput => ({
  planType: 'employer-self-funded',
  level: 'initial',
  claimType: 'pre-service',
  deniedOn: '2025-01-15',
  receivedOn: null,
  stateWindowDays: null,
  ...over,
});

describe('plain calendar dates', () => {
  it('adds days across February in leap and common years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('reads "4 months" as the same day, or the first of the fifth month when there is none', () => {
    expect(addMonthsOrFirstOfNext('2024-10-31', 4)).toBe('2025-03-01'); // no Feb 31
    expect(addMonthsOrFirstOfNext('2023-10-30', 4)).toBe('2024-03-01'); // no Feb 30 even in a leap year
    expect(addMonthsOrFirstOfNext('2023-10-29', 4)).toBe('2024-02-29'); // leap day exists
    expect(addMonthsOrFirstOfNext('2024-10-29', 4)).toBe('2025-03-01'); // no Feb 29 in 2025
    expect(addMonthsOrFirstOfNext('2024-12-15', 4)).toBe('2025-04-15');
    expect(addMonthsOrFirstOfNext('2025-05-31', 4)).toBe('2025-10-01'); // no Sep 31
  });

  it('knows weekdays and the federal holidays as observed', () => {
    expect(dayOfWeek('2025-03-01')).toBe(6);
    expect(dayOfWeek('2024-02-29')).toBe(4);
    const h2025 = federalHolidays(2025);
    expect(h2025.get('2025-01-20')).toMatch(/King/);
    expect(h2025.get('2025-05-26')).toBe('Memorial Day');
    expect(h2025.get('2025-06-19')).toMatch(/Juneteenth/);
    expect(h2025.get('2025-11-27')).toBe('Thanksgiving Day');
    // July 4, 2026 is a Saturday: observed Friday the 3rd.
    expect(federalHolidays(2026).get('2026-07-03')).toBe('Independence Day');
    // January 1, 2022 was a Saturday: observed Friday, December 31, 2021.
    expect(federalHolidays(2021).has('2021-12-31')).toBe(true);
    // Juneteenth became a federal holiday in 2021.
    expect(federalHolidays(2020).has('2020-06-19')).toBe(false);
    expect(nextBusinessDay('2025-03-01')).toBe('2025-03-03');
    expect(nextBusinessDay('2024-12-25')).toBe('2024-12-26');
    expect(nextBusinessDay('2025-03-04')).toBe('2025-03-04');
  });
});

describe('ERISA / ACA internal appeal: 180 days from the notice', () => {
  it('counts 180 calendar days from the notice and cites 29 CFR 2560.503-1(h)(3)(i)', () => {
    const r = appealDeadline(erisa());
    expect(r.dueOn).toBe('2025-07-14');
    expect(r.rule).toContain('29 CFR 2560.503-1(h)(3)(i)');
    expect(r.rule).toContain('180 days');
    expect(r.nextStage).toBe('internal-appeal-1');
    expect(r.warnings).toEqual([]);
  });

  it('counts from receipt when the date the letter arrived is known', () => {
    expect(appealDeadline(erisa({ receivedOn: '2025-01-20' })).dueOn).toBe('2025-07-19');
  });

  it('counts the leap day: 180 days from Jan 1 is Jun 29 in 2024 and Jun 30 in 2023', () => {
    expect(appealDeadline(erisa({ deniedOn: '2024-01-01' })).dueOn).toBe('2024-06-29');
    expect(appealDeadline(erisa({ deniedOn: '2023-01-01' })).dueOn).toBe('2023-06-30');
  });

  it('leaves a Saturday deadline in place and warns to file by the Friday before', () => {
    const r = appealDeadline(erisa({ deniedOn: '2024-01-15' }));
    expect(r.dueOn).toBe('2024-07-13');
    expect(r.warnings[0]).toContain('Saturday');
    expect(r.warnings[0]).toContain('Fri Jul 12, 2024');
  });

  it('applies to fully insured and marketplace plans too, and points urgent claims to 72 hours', () => {
    for (const planType of ['fully-insured', 'aca-marketplace'] as const) {
      expect(appealDeadline(erisa({ planType })).dueOn).toBe('2025-07-14');
    }
    const urgent = appealDeadline(erisa({ claimType: 'urgent' }));
    expect(urgent.warnings.join(' ')).toContain('72 hours');
  });

  it('asks for the letter for a second internal level, whose window the plan sets', () => {
    const r = appealDeadline(erisa({ level: 'internal-appeal' }));
    expect(r.dueOn).toBeNull();
    expect(r.needs).toBe('letter-date');
    expect(r.nextStage).toBe('internal-appeal-2');
  });
});

describe('ACA external review: 4 months from the final internal denial', () => {
  const final = (receivedOn: string) =>
    appealDeadline(erisa({ level: 'final-internal', deniedOn: receivedOn }));

  it('is the same day 4 months later when it is a business day', () => {
    const r = final('2025-01-15');
    expect(r.dueOn).toBe('2025-05-15');
    expect(r.rule).toContain('2590.715-2719(d)(2)(i)');
    expect(r.nextStage).toBe('external-review');
  });

  it('after October 31 (no February 31) is March 1, moved past the weekend as the rule says', () => {
    // 2025-03-01 is a Saturday: DOL Technical Release 2010-01 moves it to Monday.
    const r = final('2024-10-31');
    expect(r.dueOn).toBe('2025-03-03');
    expect(r.warnings.join(' ')).toContain('Sat Mar 1, 2025');
  });

  it('uses February 29 in a leap year, and March 1 when there is none', () => {
    expect(final('2023-10-29').dueOn).toBe('2024-02-29');
    expect(final('2023-10-30').dueOn).toBe('2024-03-01');
  });

  it('moves a federal holiday to the next business day', () => {
    expect(final('2024-09-20').dueOn).toBe('2025-01-21'); // Jan 20, 2025: MLK Day
    expect(final('2024-08-25').dueOn).toBe('2024-12-26'); // Christmas
  });

  it('says where sources conflict (state windows, the 60-day healthcare.gov page)', () => {
    expect(final('2025-01-15').warnings.join(' ')).toMatch(/6 months.*60 days/);
  });
});

describe('Original Medicare: five levels, receipt presumed 5 days after the notice', () => {
  const medicare = (level: AppealInput['level'], over: Partial<AppealInput> = {}) =>
    appealDeadline(erisa({ planType: 'medicare', level, ...over }));

  it('redetermination: 120 days from presumed receipt (42 CFR 405.942)', () => {
    const r = medicare('initial', { deniedOn: '2025-01-10' });
    expect(r.dueOn).toBe('2025-05-15');
    expect(r.rule).toContain('405.942');
    expect(r.rule).toContain('presumed 5 days');
  });

  it('uses the actual receipt date when known', () => {
    expect(medicare('initial', { deniedOn: '2025-01-10', receivedOn: '2025-01-12' }).dueOn).toBe(
      '2025-05-12',
    );
  });

  it('QIC 180 days, ALJ 60, Council 60, court 60, with amount-in-controversy notes', () => {
    expect(medicare('medicare-redetermination', { deniedOn: '2025-01-10' }).dueOn).toBe(
      '2025-07-14',
    );
    const alj = medicare('medicare-reconsideration', { deniedOn: '2025-01-10' });
    expect(alj.dueOn).toBe('2025-03-16');
    expect(alj.warnings.join(' ')).toContain('amount in controversy');
    expect(medicare('medicare-alj', { deniedOn: '2025-01-10' }).rule).toContain('405.1102');
    expect(medicare('medicare-council', { deniedOn: '2025-01-10' }).nextStep).toContain('court');
  });

  it('asks for the letter for decisions Original Medicare does not have', () => {
    expect(medicare('final-internal').needs).toBe('letter-date');
  });
});

describe('Medicare Advantage', () => {
  it('plan reconsideration: 60 days from the notice, noting the CMS page that says 65', () => {
    const r = appealDeadline(
      erisa({ planType: 'medicare-advantage', deniedOn: '2025-01-10', receivedOn: '2025-01-20' }),
    );
    expect(r.dueOn).toBe('2025-03-11'); // from the notice's date, not receipt: never later
    expect(r.rule).toContain('422.582(b)');
    expect(r.warnings.join(' ')).toContain('65');
  });
});

describe('Medicaid: the state sets the window; ask, never guess', () => {
  it('computes nothing until the state window is entered', () => {
    const r = appealDeadline(erisa({ planType: 'medicaid' }));
    expect(r.dueOn).toBeNull();
    expect(r.needs).toBe('state-window');
    expect(r.rule).toContain('431.221(d)');
    expect(r.rule).toContain('438.408(f)');
  });

  it('counts the entered window from the notice and flags one beyond the federal limits', () => {
    const r = appealDeadline(
      erisa({ planType: 'medicaid', deniedOn: '2024-03-01', stateWindowDays: 90 }),
    );
    expect(r.dueOn).toBe('2024-05-30');
    expect(r.rule).toContain('90 days');
    const long = appealDeadline(erisa({ planType: 'medicaid', stateWindowDays: 150 }));
    expect(long.warnings.join(' ')).toContain('longer than the federal limits');
  });
});

describe('plans without a rule', () => {
  it('asks for the plan type, or for the letter under "other"', () => {
    expect(appealDeadline(erisa({ planType: null })).needs).toBe('plan-type');
    expect(appealDeadline(erisa({ planType: 'other' })).needs).toBe('letter-date');
  });
});

describe('insurer decision times', () => {
  const due = (
    planType: Parameters<typeof decisionDue>[0]['planType'],
    stage: Parameters<typeof decisionDue>[0]['stage'],
    claimType: 'pre-service' | 'post-service' | 'urgent',
    submittedOn = '2025-06-02',
  ) => decisionDue({ planType, stage, claimType, submittedOn });

  it('ERISA initial claims: pre-service 15 days, post-service 30, urgent 72 hours', () => {
    expect(due('employer-self-funded', 'prior-auth-submitted', 'pre-service')?.dueOn).toBe(
      '2025-06-17',
    );
    expect(due('employer-self-funded', 'prior-auth-submitted', 'post-service')?.dueOn).toBe(
      '2025-07-02',
    );
    const urgent = due('employer-self-funded', 'prior-auth-submitted', 'urgent');
    expect(urgent?.dueOn).toBe('2025-06-05');
    expect(urgent?.rule).toContain('2560.503-1(f)(2)(i)');
  });

  it('ERISA appeals: 30 / 60 days, 15 / 30 per level of two, urgent 72 hours', () => {
    expect(due('fully-insured', 'internal-appeal-1', 'pre-service')?.dueOn).toBe('2025-07-02');
    expect(due('fully-insured', 'internal-appeal-1', 'post-service')?.dueOn).toBe('2025-08-01');
    expect(due('fully-insured', 'internal-appeal-2', 'pre-service')?.dueOn).toBe('2025-06-17');
    expect(due('fully-insured', 'internal-appeal-1', 'urgent')?.dueOn).toBe('2025-06-05');
  });

  it('external review: 45 days standard, 72 hours expedited', () => {
    expect(due('aca-marketplace', 'external-review', 'pre-service')?.dueOn).toBe('2025-07-17');
    expect(due('aca-marketplace', 'external-review', 'urgent')?.dueOn).toBe('2025-06-05');
  });

  it('Medicare redetermination and QIC: 60 days each', () => {
    expect(due('medicare', 'internal-appeal-1', 'post-service')?.rule).toContain('405.950');
    expect(due('medicare', 'external-review', 'post-service')?.dueOn).toBe('2025-08-01');
  });

  it('Medicare Advantage: the rule in force on the request date (14 days, then 7 from 2026)', () => {
    expect(
      due('medicare-advantage', 'prior-auth-submitted', 'pre-service', '2025-12-30')?.dueOn,
    ).toBe('2026-01-13');
    expect(
      due('medicare-advantage', 'prior-auth-submitted', 'pre-service', '2026-01-01')?.dueOn,
    ).toBe('2026-01-08');
    expect(due('medicare-advantage', 'internal-appeal-1', 'post-service')?.dueOn).toBe(
      '2025-08-01',
    );
  });

  it('Medicaid managed care appeal: 30 days; nothing invented elsewhere', () => {
    expect(due('medicaid', 'internal-appeal-1', 'pre-service')?.dueOn).toBe('2025-07-02');
    expect(due('medicaid', 'prior-auth-submitted', 'pre-service')).toBeNull();
    expect(due('other', 'internal-appeal-1', 'pre-service')).toBeNull();
  });
});

describe('time zones: a deadline is a calendar date in the client’s state', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('gives the same dates whatever the machine’s time zone', () => {
    const inputs = [
      erisa(),
      erisa({ level: 'final-internal', deniedOn: '2024-10-31' }),
      erisa({ planType: 'medicare', deniedOn: '2024-02-25' }),
    ];
    const results = ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Adak'].map((tz) => {
      process.env.TZ = tz;
      return inputs.map((i) => appealDeadline(i).dueOn);
    });
    for (const r of results) expect(r).toEqual(['2025-07-14', '2025-03-03', '2024-06-29']);
  });

  it('counts "today" in the client’s state: late evening in California is already tomorrow in New York', () => {
    const instant = new Date('2025-03-01T06:30:00Z'); // Feb 28, 22:30 in Los Angeles
    expect(todayIn('America/Los_Angeles', instant)).toBe('2025-02-28');
    expect(todayForState('CA', instant)).toBe('2025-02-28');
    expect(todayForState('NY', instant)).toBe('2025-03-01');
    expect(todayForState('HI', instant)).toBe('2025-02-28');
    expect(todayForState('GU', instant)).toBe('2025-03-01');
  });
});
