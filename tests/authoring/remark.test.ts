import { describe, expect, it } from 'vitest';
import { splitRemark } from '../../src/authoring/import/table.js';

describe('splitRemark: relations at the head of a 备注 cell', () => {
  it('reads 代替, 被…代替, 采用 and 采用理由, and keeps the rest as the note', () => {
    expect(splitRemark('代替 GB/T 1.1-2009；采用 ISO/IEC Directives, Part 2, 2018，NEQ；其他说明。')).toEqual({
      replaces: ['GB/T 1.1-2009'], adopted: { ref: 'ISO/IEC Directives, Part 2, 2018', degree: 'NEQ' }, rest: '其他说明。',
    });
    expect(splitRemark('被 GB/T 24421.2-2023 代替')).toEqual({ replacedBy: 'GB/T 24421.2-2023', rest: '' });
    expect(splitRemark('采用理由：无国家、行业和地方标准；试行')).toEqual({ justification: '无国家、行业和地方标准', rest: '试行' });
  });
  it('leaves a note that does not start with a relation alone, even if one follows', () => {
    expect(splitRemark('北京市地方标准；代替 DB11/T 494.6-2013')).toEqual({ rest: '北京市地方标准；代替 DB11/T 494.6-2013' });
    expect(splitRemark('采用单位自定流程')).toEqual({ rest: '采用单位自定流程' });
  });
});
