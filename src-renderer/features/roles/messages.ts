import { defineMessages } from '../../i18n/featureMessages';

export const rolesMessages = defineMessages({
  en: {
    'tabs.label': 'Role views',
    'tab.matrix': 'Permissions matrix',
    'tab.fields': 'Field rules',
    'tab.list': 'Role list',
  },
  'zh-CN': {
    'tabs.label': '角色视图',
    'tab.matrix': '权限矩阵',
    'tab.fields': '字段权限',
    'tab.list': '角色列表',
  },
});
