import type { FieldDefinition } from '../domain';
import { CRM_MODULE_BY_LABEL } from './constants';
import { CRM_FIELD_ENGLISH, CRM_SYSTEM_FIELDS_BY_LABEL } from './fieldLabels';
import { WUKONG_FILES, WukongCatalogueError, type WukongRawField } from './rawSchemas';

/** Form types WukongCRM can mask: 6 currency, 7 mobile, 14 email, 43 address (reference §6). */
const MASKABLE_FORM_TYPES: ReadonlySet<number> = new Set([6, 7, 14, 43]);

/**
 * `saveRoleField` forces maskType 0 for `money` on business (5) and contract (6) and for `price` on product (4)
 * (reference §6), so offering a mask there would be a setting the server silently drops.
 */
const MASK_FORCED_OFF: ReadonlySet<string> = new Set(['5:money', '6:money', '4:price']);

/**
 * The CRM fields field rules can target: per module (in label order), the seed `wk_crm_field` rows in file order,
 * then the system fields WukongCRM adds for that module.
 */
export function buildFields(rawFields: readonly WukongRawField[]): FieldDefinition[] {
  const byLabel = new Map<number, FieldDefinition[]>();
  const seen = new Set<string>();
  for (const [index, raw] of rawFields.entries()) {
    const module = CRM_MODULE_BY_LABEL[raw.label];
    if (!module) fail(`fields[${index}].label: ${raw.label} is not a CRM module with field rules`);
    const en = CRM_FIELD_ENGLISH[raw.name];
    if (!en) fail(`fields[${index}].name: "${raw.name}" has no English translation`);
    if (seen.has(`${module}.${raw.fieldName}`)) fail(`fields[${index}].fieldName: ${module}.${raw.fieldName} appears twice`);
    seen.add(`${module}.${raw.fieldName}`);
    const list = byLabel.get(raw.label) ?? [];
    list.push({
      module,
      name: raw.fieldName,
      label: { 'zh-CN': raw.name, en },
      maskable: MASKABLE_FORM_TYPES.has(raw.type) && !MASK_FORCED_OFF.has(`${raw.label}:${raw.fieldName}`),
    });
    byLabel.set(raw.label, list);
  }

  const out: FieldDefinition[] = [];
  for (const [labelKey, module] of Object.entries(CRM_MODULE_BY_LABEL)) {
    const label = Number(labelKey);
    out.push(...(byLabel.get(label) ?? []));
    for (const spec of CRM_SYSTEM_FIELDS_BY_LABEL[label] ?? []) {
      // A custom field may already use a system column name; the seed's own row wins.
      if (seen.has(`${module}.${spec.name}`)) continue;
      seen.add(`${module}.${spec.name}`);
      out.push({ module, name: spec.name, label: { 'zh-CN': spec.zh, en: spec.en }, maskable: false });
    }
  }
  return out;
}

function fail(message: string): never {
  throw new WukongCatalogueError(`${WUKONG_FILES.fields}: ${message}`);
}
