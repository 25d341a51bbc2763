export * from './contract';
export { channel, type ChannelSpec } from './channel';
export * from './wire';
