/**
 * The HyperFormula plugin for the whole catalogue, generated from it: one method per function,
 * each a call into the core's `evaluate`, and a spill size from the arguments' shapes.
 */
import { ArraySize, CellError, FunctionArgumentType, FunctionPlugin, HyperFormula, ImplementedFunctions } from "hyperformula";
import { CATALOGUE, FunctionSpec, NAMESPACE, Shape, evaluate } from "../core";
import { argFromHf, errorFromHf, outputToHf } from "./cells";

// ProcedureAst and InterpreterState are not exported from the package root; keep them loose.
type ProcedureAst = { args: unknown[] };
type InterpreterState = unknown;

export class IcsPlugin extends FunctionPlugin {
  public static override implementedFunctions: ImplementedFunctions = {};
}

function methodName(spec: FunctionSpec): string {
  return `ics_${spec.name.toLowerCase()}`;
}

function isOmitted(arg: unknown): boolean {
  return arg === undefined || (arg as { type?: string }).type === "EMPTY";
}

/** The parts of HyperFormula's internals the spill sizing needs; not in its public typings. */
interface PluginInternals {
  arraySizeForAst(ast: unknown, state: unknown): ArraySize;
  dependencyGraph: {
    namedExpressions: { nearestNamedExpression(name: string, sheet: number): { address: unknown } | undefined };
    getCell(address: unknown): { getFormula?: (service: unknown) => unknown } | undefined;
    lazilyTransformingAstService: unknown;
  };
}

/**
 * HyperFormula's spill predictor does not look inside defined names, so `=ICS.DELEGATE(x, Weights)`
 * would reserve one cell. Size a name by the formula it stands for (e.g. `=Places!$C$2:$C$9`).
 */
function sizeOf(plugin: PluginInternals, arg: unknown, state: { formulaAddress?: { sheet: number } }, depth = 0): ArraySize {
  const node = arg as { type?: string; expressionName?: string };
  if (node.type === "NAMED_EXPRESSION" && node.expressionName && depth < 8) {
    const graph = plugin.dependencyGraph;
    const named = graph.namedExpressions.nearestNamedExpression(node.expressionName, state.formulaAddress?.sheet ?? 0);
    const vertex = named ? graph.getCell(named.address) : undefined;
    const formula = vertex?.getFormula?.(graph.lazilyTransformingAstService);
    if (formula) return sizeOf(plugin, formula, state, depth + 1);
  }
  return plugin.arraySizeForAst(arg, state);
}

function reservedSize(plugin: FunctionPlugin, spec: FunctionSpec, ast: ProcedureAst, state: InterpreterState): Shape | undefined {
  if (spec.result.kind !== "spill") return undefined;
  // Arguments are evaluated in array mode (A1:A9*B1:B9 is a column), so size them the same way.
  const arrayState = Object.assign(Object.create(Object.getPrototypeOf(state as object)), state, { arraysFlag: true });
  const shapes = spec.args.map((_, i) => {
    const arg = ast.args[i];
    if (isOmitted(arg)) return undefined;
    const size = sizeOf(plugin as unknown as PluginInternals, arg, arrayState);
    return { rows: size.height, cols: size.width };
  });
  return spec.result.size(shapes);
}

const prototype = IcsPlugin.prototype as unknown as Record<string, unknown>;
for (const spec of CATALOGUE) {
  const id = `${NAMESPACE}.${spec.name}`;
  const method = methodName(spec);
  IcsPlugin.implementedFunctions[id] = {
    method,
    parameters: spec.args.map((arg) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: arg.optional })),
    vectorizationForbidden: true,
    enableArrayArithmeticForArguments: true,
    ...(spec.result.kind === "spill" ? { sizeOfResultArrayMethod: `${method}_size` } : {}),
  };
  prototype[method] = function (this: FunctionPlugin, ast: ProcedureAst, state: InterpreterState) {
    const reserved = reservedSize(this, spec, ast, state);
    const runFunction = (this as unknown as { runFunction: (...a: unknown[]) => unknown }).runFunction.bind(this);
    const metadata = (this as unknown as { metadata: (n: string) => unknown }).metadata(id);
    const result = runFunction(ast.args, state, metadata, (...args: unknown[]) => {
      const values = args.map((value, i) => argFromHf(value, isOmitted(ast.args[i])));
      return outputToHf(evaluate(spec, values), reserved);
    });
    // An argument that is an error comes back without calling the function: keep the block too,
    // else a range over it (=ICS.CONVERGE(B1:B4,C1:C4,…) over a failing spill) stops the engine.
    if (reserved && result instanceof CellError) return outputToHf(errorFromHf(result), reserved);
    return result;
  };
  if (spec.result.kind === "spill") {
    prototype[`${method}_size`] = function (this: FunctionPlugin, ast: ProcedureAst, state: InterpreterState) {
      const shape = reservedSize(this, spec, ast, state)!;
      return new ArraySize(shape.cols, shape.rows);
    };
  }
}

export const icsTranslations = {
  enGB: Object.fromEntries(CATALOGUE.map((spec) => [`${NAMESPACE}.${spec.name}`, `${NAMESPACE}.${spec.name}`])),
};

let registered = false;
/** HyperFormula keeps plugins in a global registry; registering twice throws, so do it once. */
export function registerIcsPlugin(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(IcsPlugin, icsTranslations);
  registered = true;
}
