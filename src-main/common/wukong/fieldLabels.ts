/**
 * English names of the WukongCRM seed CRM fields (`wk_crm_field`, reference §6), keyed by their Chinese name.
 * The same Chinese name means the same thing in every module (客户名称 is the customer's name whether it sits on
 * a contact or a contract), so one table covers all 86 rows.
 */
export const CRM_FIELD_ENGLISH: Readonly<Record<string, string>> = {
  客户名称: 'Customer name',
  客户来源: 'Customer source',
  手机: 'Mobile',
  电话: 'Phone',
  网址: 'Website',
  客户行业: 'Industry',
  客户级别: 'Customer level',
  下次联系时间: 'Next contact time',
  备注: 'Remarks',
  邮箱: 'Email',
  线索名称: 'Lead name',
  线索来源: 'Lead source',
  地址: 'Address',
  姓名: 'Name',
  职务: 'Job title',
  是否关键决策人: 'Key decision maker',
  性别: 'Gender',
  产品名称: 'Product name',
  产品类型: 'Product category',
  产品单位: 'Unit',
  产品编码: 'Product code',
  价格: 'Price',
  产品描述: 'Product description',
  商机名称: 'Opportunity name',
  商机金额: 'Opportunity amount',
  预计成交日期: 'Expected close date',
  合同名称: 'Contract name',
  合同编号: 'Contract number',
  合同金额: 'Contract amount',
  下单时间: 'Order date',
  合同开始时间: 'Contract start date',
  合同结束时间: 'Contract end date',
  客户签约人: 'Customer signatory',
  公司签约人: 'Company signatory',
  合同类型: 'Contract type',
  回款编号: 'Receipt number',
  期数: 'Instalment',
  回款日期: 'Receipt date',
  回款金额: 'Amount received',
  回款方式: 'Payment method',
  计划回款金额: 'Planned amount',
  计划回款日期: 'Planned receipt date',
  提前几天提醒: 'Remind days ahead',
  回访编号: 'Visit number',
  回访时间: 'Visit time',
  回访人: 'Visited by',
  回访形式: 'Visit type',
  联系人: 'Contact',
  客户满意度: 'Customer satisfaction',
  客户反馈: 'Customer feedback',
  发票申请编号: 'Invoice request number',
  开票金额: 'Invoice amount',
  开票日期: 'Invoice date',
  开票类型: 'Invoice type',
};

export interface SystemFieldSpec {
  name: string;
  zh: string;
  en: string;
}

const owner: SystemFieldSpec = { name: 'owner_user_name', zh: '负责人', en: 'Owner' };
const ownerDept: SystemFieldSpec = { name: 'owner_dept_name', zh: '负责人所属部门', en: 'Owner department' };
const creator: SystemFieldSpec = { name: 'create_user_name', zh: '创建人', en: 'Created by' };
const created: SystemFieldSpec = { name: 'create_time', zh: '创建时间', en: 'Created at' };
const updated: SystemFieldSpec = { name: 'update_time', zh: '更新时间', en: 'Updated at' };
const lastTime: SystemFieldSpec = { name: 'last_time', zh: '最后跟进时间', en: 'Last follow-up time' };
const lastContent: SystemFieldSpec = { name: 'last_content', zh: '最后跟进记录', en: 'Last follow-up note' };
const checkStatus: SystemFieldSpec = { name: 'check_status', zh: '审核状态', en: 'Approval status' };

/**
 * System fields that `CrmRoleFieldServiceImpl#queryRoleField` adds to a role's field rules per CRM label, beside
 * the `wk_crm_field` rows (WukongCRM-11.0-JAVA, reference §6). They default to read-only (authLevel 2) and are
 * never masked. `owner_dept_name` is listed by reference §6 for the 11.3.3 head; it goes wherever an owner does.
 * Labels 8 (receivablesPlan), 10 (marketing) and 18 (invoice) get none.
 */
export const CRM_SYSTEM_FIELDS_BY_LABEL: Readonly<Record<number, readonly SystemFieldSpec[]>> = {
  1: [owner, ownerDept, lastContent, creator, created, updated, lastTime],
  2: [
    owner, ownerDept, lastContent, creator, created, updated, lastTime,
    { name: 'receive_time', zh: '负责人获取客户时间', en: 'Owner since' },
    { name: 'deal_status', zh: '成交状态', en: 'Deal status' },
    { name: 'status', zh: '锁定状态', en: 'Lock status' },
    { name: 'pool_day', zh: '距进入公海天数', en: 'Days until public pool' },
  ],
  3: [owner, ownerDept, creator, created, updated, lastTime],
  4: [{ name: 'status', zh: '是否上下架', en: 'Listed' }, owner, ownerDept, creator, created, updated],
  5: [
    { name: 'type_name', zh: '商机阶段', en: 'Opportunity stage' },
    { name: 'status_name', zh: '商机状态组', en: 'Opportunity status group' },
    owner, ownerDept, creator, created, updated, lastTime,
  ],
  6: [
    owner, ownerDept, creator, created, updated, lastTime, lastContent,
    { name: 'received_money', zh: '已收款金额', en: 'Amount collected' },
    { name: 'unreceived_money', zh: '未收款金额', en: 'Amount outstanding' },
    checkStatus,
  ],
  7: [{ name: 'contractMoney', zh: '合同金额', en: 'Contract amount' }, owner, ownerDept, creator, created, updated, checkStatus],
  17: [creator, created, updated],
};
