import { IDBFactory } from 'fake-indexeddb';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, countActions, getDb, listActions, logAction } from '../../utils/db';
import type { ActionRecord } from '../../utils/model';
import { HISTORY_CSV_COLUMNS, historyCsv, viaLabel } from './history';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => closeDb());

function action(at: number, extra: Partial<ActionRecord> = {}): ActionRecord {
  return { at, site: 'github', handle: `user${at}`, kind: 'follow', via: 'page', result: 'ok', ...extra };
}

describe('listActions', () => {
  it('reads newest first whatever the insertion order, up to the limit', async () => {
    const db = await getDb();
    for (const at of [20, 10, 40, 30]) await logAction(db, action(at));
    expect((await listActions(db)).map((a) => a.at)).toEqual([40, 30, 20, 10]);
    expect((await listActions(db, 2)).map((a) => a.at)).toEqual([40, 30]);
    expect(await countActions(db)).toBe(4);
  });

  it('is empty for an empty store', async () => {
    const db = await getDb();
    expect(await listActions(db)).toEqual([]);
    expect(await countActions(db)).toBe(0);
  });
});

describe('viaLabel', () => {
  it('says how each follow was made', () => {
    expect(viaLabel('page')).toBe('from the page');
    expect(viaLabel('tab')).toBe('from the popup');
    expect(viaLabel('api')).toBe('through the API');
  });
});

describe('historyCsv', () => {
  it('writes the columns with ISO times and raw codes, CRLF line ends', () => {
    const csv = historyCsv([
      action(Date.UTC(2025, 0, 2, 3, 4, 5), { handle: 'octo-cat', via: 'api' }),
      action(Date.UTC(2025, 0, 1), {
        site: 'x',
        handle: 'ada',
        via: 'tab',
        result: 'failed',
        detail: 'Rate limited, retry',
      }),
    ]);
    expect(csv).toBe(
      'at,site,handle,via,result,detail\r\n' +
        '2025-01-02T03:04:05.000Z,github,octo-cat,api,ok,\r\n' +
        '2025-01-01T00:00:00.000Z,x,ada,tab,failed,"Rate limited, retry"\r\n',
    );
  });

  it('neutralises cells a spreadsheet would run as formulas, even on several lines', () => {
    const csv = historyCsv([
      action(0, { result: 'failed', detail: '=HYPERLINK("http://evil.example")\nmore' }),
      action(1, { handle: '@evil', result: 'failed', detail: '+1' }),
      action(2, { result: 'failed', detail: '-2' }),
    ]);
    const { data } = Papa.parse<string[]>(csv.trim(), { newline: '\r\n' });
    expect(data[0]).toEqual([...HISTORY_CSV_COLUMNS]);
    expect(data[1]?.[5]).toBe('\'=HYPERLINK("http://evil.example")\nmore');
    expect(data[2]?.[2]).toBe("'@evil");
    expect(data[2]?.[5]).toBe("'+1");
    expect(data[3]?.[5]).toBe("'-2");
  });

  it('writes only the header for an empty history, and survives a malformed time', () => {
    expect(historyCsv([])).toBe('at,site,handle,via,result,detail\r\n');
    expect(historyCsv([action(Number.NaN)])).toContain('\r\n,github,userNaN,page,ok,\r\n');
  });
});
