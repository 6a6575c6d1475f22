/**
 * One example per step for `ledger <action> --help`, with the demo
 * ledger's people; a step the table gains later gets an example built from
 * its required options.
 */
import type { StepDef } from '../domain/actions/catalogue.ts';

const EXAMPLES: Record<string, string[]> = {
  register: [
    'ledger register --kind meeting --as wang-fang --title 背街小巷环境卫生集中整治 --source-type party_committee --source-name 党工委会议（2026年第22次） --source-date 2026-11-20 --content 对12条背街小巷集中整治 --requirements 每周五报送进展 --deadline 2026-12-31 --leaders li-ming --lead-unit urban --co-units env,community-3',
    'ledger register --kind meeting --as wang-fang --from-file 第22次党工委会议.yml --chaired-by zhou-jianguo     （分解立项：一次登记多项，同时建立会议记录 HY-…）',
  ],
  instruct: ['ledger instruct DB-2026-0052 --as wang-fang --by zhou-jianguo --text 请李明同志牵头抓好落实'],
  assign: ['ledger assign DB-2026-0053 DB-2026-0054 --as wang-fang --approved-by zhou-jianguo     （会议督办：同时印发一份《督办通知》）', 'ledger assign DB-2026-0052 --as wang-fang     （上级督查：批示件转报）'],
  arrange: ['ledger arrange DB-2026-0053 --as li-ming'],
  summarise: ['ledger summarise DB-2026-0052 --as wang-fang     （登记本事项最近一份已批示的督查汇报；先用 draft-summary、review-summary、instruct-summary 办好汇报）'],
  submit: ['ledger submit DB-2026-0052 --as wang-fang --to 区委督查室 --doc-no 张范报〔2026〕9号'],
  return: ['ledger return DB-2026-0052 --as sun-zhiqiang --reason 材料不全，请补充整治前后对比照片'],
  bulletin: [
    'ledger bulletin DB-2026-0053 DB-2026-0054 --as wang-fang --reviewed-by sun-zhiqiang --approved-by liu-haiyan     （同时印发下一期督查通报）',
    'ledger bulletin DB-2026-0053 --as wang-fang --bulletin TB-2026-11     （列入已有的一期通报）',
    'ledger bulletin DB-2026-0048 --as wang-fang --signed-by li-ming --problems … --causes … --next-steps … --reviewed-by sun-zhiqiang --approved-by liu-haiyan     （专项督查）',
  ],
  close: [
    'ledger close DB-2026-0053 --as wang-fang --method onsite --note 经现场核查已整改到位     （依据已审核通过的落实情况，核实人为本人）',
    'ledger close DB-2026-0053 --as wang-fang --method document --reports 2026-11-20-urban.md --verified-by liu-yang --attachments ~/照片/整改后.jpg',
  ],
  archive: ['ledger archive DB-2026-0053 --as wang-fang --ref 2026-督查-061卷'],
  cancel: ['ledger cancel DB-2026-0053 --as wang-fang --approved-by zhou-jianguo --reason 上级已统一部署，本事项不再单独督办'],
  apply: ['ledger apply --as xu-jing --title 生活垃圾分类专项督查 --source-type department --source-name 生态环境办请示 --source-date 2026-11-20 --content 检查垃圾分类投放 --requirements 12月底前完成 --deadline 2026-12-31 --leaders li-ming --lead-unit env --reviewed-by li-ming --reason 分类准确率下降 --targets community-1,community-2 --mode onsite --from 2026-12-01 --to 2026-12-10 --mergeable'],
  approve: ['ledger approve DB-2026-0060 --as wang-fang --by zhou-jianguo --text 同意，与消防检查合并进行'],
  reject: ['ledger reject DB-2026-0061 --as wang-fang --by zhou-jianguo --reason 日常工作，不冠以督查名义'],
  merge: ['ledger merge DB-2026-0062 --as wang-fang --into DB-2026-0060 --reason 内容交叉，合并进行'],
  plan: ['ledger plan DB-2026-0060 --as wang-fang --mode onsite --period-from 2026-12-01 --period-to 2026-12-10 --inspection-notice-doc-no 张范督考〔2026〕5号     （同时建立《专项督查考核方案》）'],
  start: ['ledger start DB-2026-0060 --as wang-fang'],
  extend: ['ledger extend DB-2026-0053 --as wang-fang --to 2027-01-31 --approved-by zhou-jianguo --reason 涉及产权纠纷'],
  flag: ['ledger flag DB-2026-0053 --as wang-fang --reason 超期未完成'],
  unflag: ['ledger unflag DB-2026-0053 --as wang-fang'],
  accountability: ['ledger accountability DB-2026-0053 --as wang-fang --unit community-4 --measure 约谈提醒 --reason 连续3个月未按时报送 --decided-by liu-haiyan'],
  referral: ['ledger referral DB-2026-0053 --as wang-fang --approved-by zhou-jianguo --reason 涉嫌弄虚作假'],
  'receive-referral': ['ledger receive-referral DB-2026-0053 --as shi-yan --case-no 张纪受〔2026〕10号     （纪工委人员本人办理；销号、归档后也可以）'],
  'referral-outcome': ['ledger referral-outcome DB-2026-0053 --as shi-yan --result 给予相关责任人诫勉谈话'],
  acknowledge: ['ledger acknowledge DB-2026-0053 --as zhao-qiang     （为本单位签收）', 'ledger acknowledge DB-2026-0053 --as wang-fang --unit community-3 --note 电话签收，考核督查办代录'],
  review: ['ledger review DB-2026-0053 --as wang-fang --report 2026-11-20-urban.md --result accepted', 'ledger review DB-2026-0053 --as wang-fang --report 2026-11-20-env.md --result returned --reason 未写明整改时限，请补报'],
  score: ['ledger score DB-2026-0060 --as xu-jing --unit community-1 --score 86.5 --note 桶前值守不到位扣5分'],
  'summarise-inspection': ['ledger summarise-inspection DB-2026-0061 --as wang-fang --to zhou-jianguo --text 电话抽查12个点位，9个达标'],
  remind: ['ledger remind DB-2026-0053 --as wang-fang --method phone --to 城市管理办公室 --note 请于本周五前报送落实情况'],
  'draft-summary': ['ledger draft-summary DB-2026-0052 --as wang-fang     （按已报送的落实情况汇总成稿，编号自动取下一个）', 'ledger draft-summary DB-2026-0052 --as wang-fang --to 高新区党工委督查室 --body-file 汇报.md'],
  'review-summary': ['ledger review-summary HB-2026-010 --as sun-zhiqiang --opinion 同意，报主要领导', 'ledger review-summary DB-2026-0052 --as wang-fang --by sun-zhiqiang     （考核督查办代录）'],
  'instruct-summary': ['ledger instruct-summary HB-2026-010 --as wang-fang --by zhou-jianguo --text 同意上报'],
  'revise-summary': ['ledger revise-summary HB-2026-010 --as wang-fang --note 按批示补充下步打算 --body-file 上报稿.md --attachments 上报稿.pdf'],
  report: ['ledger report DB-2026-0053 --as zhao-qiang --progress 已完成12条巷道排查建档 --problems 2处违章搭建涉及产权纠纷 --next 12月10日前完成拆除协调 --attachments ~/材料/排查台账.xlsx'],
  edit: ['ledger edit DB-2026-0053 --as wang-fang --requirements 每周五报送进展，12月底前完成整治'],
};

const SAMPLE: Record<string, string> = { date: '2026-11-20', person: 'zhou-jianguo', unit: 'urban', item: 'DB-2026-0031', text: '……' };

export function examplesOf(step: StepDef): string[] {
  const own = EXAMPLES[step.action];
  if (own) return own;
  const req = step.inputs.filter((i) => i.required).map((i) => `--${i.option} ${i.values?.[0] ?? SAMPLE[i.type] ?? '……'}`);
  return [`ledger ${step.action}${step.creates ? '' : ' DB-2026-0031'} --as wang-fang${req.length ? ` ${req.join(' ')}` : ''}`];
}
