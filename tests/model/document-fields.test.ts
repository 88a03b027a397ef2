import { describe, expect, it } from 'vitest';
import { loadSample } from '../export/helpers.js';
import { allStandards } from '../../src/model/types.js';

describe('document: block and plan fields', () => {
  it('reads the sample document block (facts from the Zhanjiang guide 编制说明)', () => {
    const { system } = loadSample();
    expect(system.document?.organization).toBe('湛江市人力资源和社会保障局');
    expect(system.document?.basis).toContain('《关于印发全省人社领域推进基本公共服务标准实施方案的通知》（粤人社发〔2022〕1号）');
    expect(system.document?.process).toMatch(/2023年3月9日立项/);
    // not stated in the source, so not in the data
    expect(system.document?.date).toBeUndefined();
    expect(system.document?.drafters).toEqual([]);
  });
  it('plan fields are optional on rows and absent in the sample (no source gives them)', () => {
    const { system } = loadSample();
    expect(allStandards(system).some((r) => r.due || r.undertaker || r.funding)).toBe(false);
  });
});
