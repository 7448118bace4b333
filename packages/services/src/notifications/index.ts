export * from './message';
export * from './senders';
export * from './channels';
export * from './deliveries';
export * from './household';
export * from './sweep';
export * from './notify-deps';
