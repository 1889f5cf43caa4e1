export { run, buildProgram, exitCodes, VERSION } from './program.js'
