/** The core's public API: the catalogue, its evaluator, and the primitives faces and tools share. */
export { CATALOGUE, NAMESPACE, evaluate, findFunction } from "./catalogue";
export type { FunctionSpec, ArgumentSpec, ResultSpec, ErrorSpec } from "./catalogue";
export type { ArgValue, Cell, Grid, Output, Shape } from "./cells";
export { isBlank, isGrid, shapeOf } from "./cells";
export type { ErrorCode, ErrorValue } from "./errors";
export { ERROR_CODES, IcsError, isErrorValue } from "./errors";
export { ADDIN_VERSION, CATALOGUE_EDITION } from "./version";
