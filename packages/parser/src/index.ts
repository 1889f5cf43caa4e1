export { parseOpinion, type ParseOptions, type ParseResult } from './parse.js'
export { decodeBytes, sniffBinary, type Decoded } from './decode.js'
