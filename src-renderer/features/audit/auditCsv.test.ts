import { describe, expect, it } from 'vitest';
import { auditCsv, csvCell } from './auditCsv';

describe('audit CSV', () => {
  it('quotes commas, quotes and newlines', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('neutralises formulas so a spreadsheet never evaluates a cell', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@cmd')).toBe("'@cmd");
  });

  it('writes one line per entry with the details as JSON', () => {
    const csv = auditCsv([{ seq: 1, at: '2026-11-29T00:00:00Z', actor: 'local user', action: 'draft.created', details: { name: 'Q4' }, hash: 'ab' }]);
    expect(csv.split('\r\n')).toEqual(['seq,at,actor,action,details,hash', '1,2026-11-29T00:00:00Z,local user,draft.created,"{""name"":""Q4""}",ab', '']);
  });
});
