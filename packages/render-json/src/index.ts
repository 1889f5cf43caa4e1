export { jsonRenderer, renderJson } from './json.js'
