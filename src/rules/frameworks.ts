/**
 * The built-in frameworks (体系框架) a system can declare with `framework:`. Used by the
 * `framework-structure` rule and by `init` to scaffold a new system.
 *
 * zhanjiang-7: 湛江市地方标准《人力资源和社会保障领域公共服务标准体系建设指南》编制说明,
 *   （六）体系框架 6.1–6.9 (project seed 000_ff719c94d7d9c2c3.txt). Part and sub-system names are the
 *   document's own; its 6.9 sub-systems are misnumbered 6.8.1/6.8.2 in the original and are given
 *   as 6.9.1/6.9.2 here.
 * gbt24421: the service-organisation model of GB/T 24421.2 as used by pilots
 *   (research standards-rules.md §2.2). The three parts are [M]; the sub-system lists are [L]
 *   (the widely used 2009 model, not checked against the 2023 text), so they are marked practice.
 */
import type { Text } from '../i18n/index.js';
import type { Framework } from '../model/types.js';

export interface FrameworkSubsystem {
  code: string;
  title: string;
  /** clause of the source document ("6.3.1") */
  clause?: string;
  /** what the source says the sub-system covers */
  scope?: string;
}

export interface FrameworkPart {
  /** suggested 标准体系表编号 */
  code: string;
  title: string;
  clause?: string;
  /** a top-level sub-system whose title contains one of these is this part */
  keywords: string[];
  subsystems: FrameworkSubsystem[];
}

export interface FrameworkDef {
  id: Exclude<Framework, 'none'>;
  name: Text;
  source: string;
  /** how far the sub-system lists are from a verified text */
  confidence: { parts: 'H' | 'M' | 'L'; subsystems: 'H' | 'M' | 'L'; note: string };
  parts: FrameworkPart[];
}

const ZJ = '湛江市地方标准《人力资源和社会保障领域公共服务标准体系建设指南》编制说明（征求意见稿），（六）体系框架';

export const ZHANJIANG_7: FrameworkDef = {
  id: 'zhanjiang-7',
  name: { zh: '湛江指南七部分框架', en: 'Zhanjiang guide, seven parts' },
  source: ZJ,
  confidence: { parts: 'H', subsystems: 'H', note: '6.1 框架与 6.3–6.9 子体系取自编制说明原文；原文 6.9 的两个子体系误编为 6.8.1、6.8.2' },
  parts: [
    {
      code: '100', title: '基础通用标准体系', clause: '6.3', keywords: ['基础通用', '通用基础'],
      subsystems: [
        { code: '101', title: '术语与缩略语标准', clause: '6.3.1', scope: '术语标准、缩略语标准（中文缩略语和英文缩略语）' },
        { code: '102', title: '符号与标志标准', clause: '6.3.2', scope: '公共信息、服务信息等相关符号与标志' },
        { code: '103', title: '标准化工作标准', clause: '6.3.3', scope: '标准化工作的组织与开展、标准体系构建、标准实施及评价、标准制修订与复审、标准化信息管理等' },
      ],
    },
    {
      code: '200', title: '公共就业服务标准体系', clause: '6.4', keywords: ['公共就业', '就业'],
      subsystems: [
        { code: '201', title: '公共就业指导与培训服务标准', clause: '6.4.1', scope: '就业信息服务、职业介绍、职业指导和创业开业指导等' },
        { code: '202', title: '就业失业登记服务标准', clause: '6.4.2', scope: '失业登记、就业登记' },
        { code: '203', title: '重点群体就业服务标准', clause: '6.4.3', scope: '高校毕业生、异地务工人员、困难人员就业服务' },
        { code: '204', title: '创业服务标准', clause: '6.4.4', scope: '创业补贴申领、创业相关补贴申领' },
      ],
    },
    {
      code: '300', title: '社会保险服务标准体系', clause: '6.5', keywords: ['社会保险', '社保'],
      subsystems: [
        { code: '301', title: '社保经办服务标准', clause: '6.5.1', scope: '社会保险登记、参保信息维护、缴纳申报、参保缴费记录查询' },
        { code: '302', title: '养老保险服务标准', clause: '6.5.2', scope: '养老保险相关信息申请、待遇申领、关系转移、居民养老保险注销登记、待遇资格认证、多重养老保险关系个人账户退费' },
        { code: '303', title: '失业保险服务标准', clause: '6.5.3', scope: '失业保险金申领、相关待遇与补贴申领、代缴基本医疗保险费、失业保险关系转移接续' },
        { code: '304', title: '工伤保险服务标准', clause: '6.5.4', scope: '工伤事故备案与认定、工伤预防项目申报和费用结算、工伤相关申请和备案、工伤保险费用申领、待遇认定' },
      ],
    },
    {
      code: '400', title: '人才服务标准体系', clause: '6.6', keywords: ['人才'],
      subsystems: [
        { code: '401', title: '人才建设服务标准', clause: '6.6.1', scope: '技能人员职业资格管理、高层次人才引进、职称评价、博士博士后服务管理、专业人才研修培训、职业技能培训、技能人才评价' },
        { code: '402', title: '人才流动服务标准', clause: '6.6.2', scope: '人才档案服务、政审（考察）、存档人员党员组织关系接转、人才集体户口管理' },
      ],
    },
    {
      // 6.1 names the part 劳动关系服务标准体系, the 6.7 heading 劳动管理服务标准体系: both accepted.
      code: '500', title: '劳动关系服务标准体系', clause: '6.7', keywords: ['劳动关系', '劳动管理'],
      subsystems: [
        { code: '501', title: '劳动关系协调服务标准', clause: '6.7.1', scope: '集体合同备案、企业经济性裁员报告、工资价位及人工成本信息、劳动合同和集体合同示范文本' },
        { code: '502', title: '劳动人事调解服务标准', clause: '6.7.2', scope: '劳动人事调解申请、劳动人事争议仲裁申请及设施设备建设、调解仲裁信息公开' },
        { code: '503', title: '劳动保障监察服务标准', clause: '6.7.3', scope: '劳动保障监察举报投诉、劳动保障信息平台服务、劳动保障诚信等级评价' },
      ],
    },
    {
      code: '600', title: '信息化服务标准体系', clause: '6.8', keywords: ['信息化'],
      subsystems: [
        { code: '601', title: '社会保障卡信息服务标准', clause: '6.8.1', scope: '社会保障卡申领、制卡进度查询、启用（含银行账户激活、应用状态查询、信息变更）' },
        { code: '602', title: '官方线上平台服务标准', clause: '6.8.2', scope: '就业在线平台、人才基础信息库、电子档案库、“互联网＋调解仲裁”、“粤省事”“数字政府”渠道的人社服务' },
      ],
    },
    {
      code: '700', title: '其他服务标准体系', clause: '6.9', keywords: ['其他', '其它'],
      subsystems: [
        { code: '701', title: '人社电话热线服务标准', clause: '6.9.1', scope: '12333 政策咨询、信息查询、信息公开、业务办理、投诉举报' },
        { code: '702', title: '中等职业教育服务标准', clause: '6.9.2', scope: '中等职业教育国家助学金、免除学费' },
      ],
    },
  ],
};

export const GBT24421: FrameworkDef = {
  id: 'gbt24421',
  name: { zh: 'GB/T 24421 服务业组织标准体系（通用基础/保障/提供）', en: 'GB/T 24421 service-organisation model (foundation / support / provision)' },
  source: 'GB/T 24421.2 服务业组织标准化工作指南 第2部分：标准体系构建；结构按试点通行做法（研究笔记 standards-rules.md §2.2）',
  confidence: {
    parts: 'M',
    subsystems: 'L',
    note: '三大部分见于服务标准化出版物和试点材料 [M]；子体系清单为 2009 版图 1 的通行做法，未与 2023 版原文核对 [L]，仅作起步参考',
  },
  parts: [
    {
      code: '100', title: '服务通用基础标准体系', keywords: ['服务通用基础', '通用基础', '基础通用'],
      subsystems: [
        { code: '101', title: '标准化导则' },
        { code: '102', title: '术语与缩略语标准' },
        { code: '103', title: '符号与标志标准' },
        { code: '104', title: '数值与数据标准' },
        { code: '105', title: '量和单位标准' },
        { code: '106', title: '测量标准' },
      ],
    },
    {
      code: '200', title: '服务保障标准体系', keywords: ['服务保障'],
      subsystems: [
        { code: '201', title: '环境能源标准' },
        { code: '202', title: '安全与应急标准' },
        { code: '203', title: '职业健康标准' },
        { code: '204', title: '信息标准' },
        { code: '205', title: '财务管理标准' },
        { code: '206', title: '设施设备及用品标准' },
        { code: '207', title: '人力资源标准' },
        { code: '208', title: '合同管理标准' },
      ],
    },
    {
      code: '300', title: '服务提供标准体系', keywords: ['服务提供'],
      subsystems: [
        { code: '301', title: '服务规范' },
        { code: '302', title: '服务提供规范' },
        { code: '303', title: '服务质量控制规范' },
        { code: '304', title: '运行管理规范' },
        { code: '305', title: '服务评价与改进标准' },
      ],
    },
  ],
};

export const FRAMEWORKS: Readonly<Record<Exclude<Framework, 'none'>, FrameworkDef>> = {
  gbt24421: GBT24421,
  'zhanjiang-7': ZHANJIANG_7,
};

/** True when a top-level sub-system title names this part. */
export function matchesPart(part: FrameworkPart, title: string): boolean {
  return part.keywords.some((k) => title.includes(k));
}
