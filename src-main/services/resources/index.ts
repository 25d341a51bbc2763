export { loadBundledCatalogue, DEFAULT_WUKONG_RESOURCES_DIR } from './loadBundledCatalogue';
