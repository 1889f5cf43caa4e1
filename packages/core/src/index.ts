export * from './model.js'
export * from './messages.js'
export * from './json-schema.js'
