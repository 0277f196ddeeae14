import type { Evidence } from './evidence.js';

/**
 * Multinomial logistic regression over named features: one weight per feature and class, a bias
 * per class. Plain, inspectable (explain prints the weights that decided) and calibrated enough
 * that "0.9" means about nine in ten.
 */
export interface LinearModel {
  classes: readonly string[];
  bias: Float64Array;
  /** A weight per class for each feature: typed arrays when trained, the parsed JSON's arrays when loaded. */
  weights: Map<string, WeightRow>;
}

export type WeightRow = Float64Array | readonly number[];

export interface Example {
  evidence: Evidence;
  /** Index into the classes. */
  label: number;
  /** How much this example counts (archives are balanced against each other this way). */
  weight: number;
}

export interface TrainOptions {
  classes: readonly string[];
  /** Only these features get weights (others are ignored); default every feature seen. */
  keep?: (feature: string) => boolean;
  /** L2 penalty per feature weight. */
  l2: number;
  epochs: number;
  learningRate?: number;
  /**
   * Fit a correction to this model instead of starting from zero: the penalty then pulls the
   * weights and the biases towards the prior's, so a few labels move the model only where they
   * have evidence (and three labels of one category do not move the whole mix towards it).
   */
  prior?: LinearModel;
  /**
   * Classes that share a group (a category's subcategories) also share a second weight per
   * feature and group, penalised by groupL2: what holds for the whole category is learned from
   * all its tweets together.
   */
  groups?: { of: readonly number[]; l2: number };
}

/**
 * Class probabilities for one tweet's evidence, written into `out` when given (as many entries as
 * classes): a new typed array of a dozen numbers per tweet costs more than the arithmetic.
 */
export function predict(
  model: LinearModel,
  evidence: Evidence,
  out = new Float64Array(model.classes.length),
): Float64Array {
  const k = model.classes.length;
  const logits = out;
  logits.set(model.bias);
  for (const [feature, value] of evidence) {
    const row = model.weights.get(feature);
    if (!row) continue;
    for (let c = 0; c < k; c++) logits[c]! += row[c]! * value;
  }
  return softmax(logits);
}

function softmax(logits: Float64Array): Float64Array {
  let max = -Infinity;
  for (const value of logits) if (value > max) max = value;
  let sum = 0;
  for (let c = 0; c < logits.length; c++) sum += logits[c] = Math.exp(logits[c]! - max);
  for (let c = 0; c < logits.length; c++) logits[c]! /= sum;
  return logits;
}

/**
 * Full-batch gradient descent with Adam: deterministic (same examples, same model, to the bit),
 * and fast enough for thousands of labeled tweets.
 */
export function train(examples: readonly Example[], options: TrainOptions): LinearModel {
  const k = options.classes.length;
  const keep = options.keep ?? (() => true);
  const prior = options.prior;
  const weights = new Map<string, WeightRow>();
  for (const example of examples) {
    for (const feature of example.evidence.keys()) {
      if (!weights.has(feature) && keep(feature)) weights.set(feature, new Float64Array(k));
    }
  }
  const features = [...weights.keys()].sort();
  const index = new Map(features.map((f, i) => [f, i]));
  const n = features.length;
  const w = new Float64Array(n * k);
  const anchor = new Float64Array(n * k);
  const bias = prior ? Float64Array.from(prior.bias) : new Float64Array(k);
  if (prior) {
    for (let i = 0; i < n; i++) {
      const row = prior.weights.get(features[i]!);
      if (row) for (let c = 0; c < k; c++) anchor[i * k + c] = w[i * k + c] = row[c]!;
    }
  }
  // Every example's features in one flat list, made once: example r's are at [start[r], start[r + 1]),
  // each as where its row of class weights begins in w, and its value.
  const start = new Int32Array(examples.length + 1);
  const offsets: number[] = [];
  const values: number[] = [];
  // Features the prior knows but this training set does not: their weights stay fixed.
  const fixed = new Float64Array(prior ? examples.length * k : 0);
  examples.forEach((example, r) => {
    for (const [feature, value] of example.evidence) {
      const i = index.get(feature);
      if (i !== undefined) {
        offsets.push(i * k);
        values.push(value);
      } else if (prior) {
        const row = prior.weights.get(feature);
        if (row) for (let c = 0; c < k; c++) fixed[r * k + c]! += row[c]! * value;
      }
    }
    start[r + 1] = offsets.length;
  });
  const totalWeight = examples.reduce((sum, e) => sum + e.weight, 0) || 1;
  const rate = options.learningRate ?? 0.1;
  const grad = new Float64Array(n * k);
  const gradBias = new Float64Array(k);
  const m = new Float64Array(n * k);
  const v = new Float64Array(n * k);
  const mb = new Float64Array(k);
  const vb = new Float64Array(k);
  const groupOf = options.groups?.of;
  const g = groupOf ? Math.max(...groupOf) + 1 : 0;
  const shared = new Float64Array(n * g);
  const gradShared = new Float64Array(n * g);
  const ms = new Float64Array(n * g);
  const vs = new Float64Array(n * g);
  const logits = new Float64Array(k);
  const delta = new Float64Array(k);
  // A class's weight for a feature: its own plus its group's (the same array as w without groups).
  const effective = groupOf ? new Float64Array(n * k) : w;
  const fold = () => {
    if (groupOf)
      for (let i = 0; i < n; i++)
        for (let c = 0; c < k; c++) effective[i * k + c] = w[i * k + c]! + shared[i * g + groupOf[c]!]!;
  };
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    grad.fill(0);
    gradBias.fill(0);
    fold();
    for (let r = 0; r < examples.length; r++) {
      for (let c = 0; c < k; c++) logits[c] = bias[c]! + (prior ? fixed[r * k + c]! : 0);
      for (let j = start[r]!; j < start[r + 1]!; j++) {
        const base = offsets[j]!;
        const value = values[j]!;
        for (let c = 0; c < k; c++) logits[c]! += effective[base + c]! * value;
      }
      const p = softmax(logits);
      const example = examples[r]!;
      const scale = example.weight / totalWeight;
      for (let c = 0; c < k; c++) {
        delta[c] = (p[c]! - (c === example.label ? 1 : 0)) * scale;
        gradBias[c]! += delta[c]!;
      }
      for (let j = start[r]!; j < start[r + 1]!; j++) {
        const base = offsets[j]!;
        const value = values[j]!;
        for (let c = 0; c < k; c++) grad[base + c]! += delta[c]! * value;
      }
    }
    if (groupOf) {
      gradShared.fill(0);
      for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) gradShared[i * g + groupOf[c]!]! += grad[i * k + c]!;
      for (let i = 0; i < shared.length; i++) gradShared[i]! += options.groups!.l2 * shared[i]!;
      adam(shared, gradShared, ms, vs, epoch, rate);
    }
    for (let i = 0; i < w.length; i++) grad[i]! += options.l2 * (w[i]! - anchor[i]!);
    adam(w, grad, m, v, epoch, rate);
    if (prior) for (let c = 0; c < k; c++) gradBias[c]! += options.l2 * (bias[c]! - prior.bias[c]!);
    adam(bias, gradBias, mb, vb, epoch, rate);
  }
  fold();
  for (let i = 0; i < n; i++) weights.set(features[i]!, effective.slice(i * k, (i + 1) * k));
  if (prior) {
    // The prior's other features carry over unchanged.
    for (const [feature, row] of prior.weights) if (!weights.has(feature)) weights.set(feature, row);
  }
  return { classes: options.classes, bias, weights };
}

function adam(w: Float64Array, g: Float64Array, m: Float64Array, v: Float64Array, t: number, rate: number): void {
  const b1 = 0.9;
  const b2 = 0.999;
  const c1 = 1 - b1 ** t;
  const c2 = 1 - b2 ** t;
  for (let i = 0; i < w.length; i++) {
    m[i] = b1 * m[i]! + (1 - b1) * g[i]!;
    v[i] = b2 * v[i]! + (1 - b2) * g[i]! * g[i]!;
    w[i]! -= (rate * (m[i]! / c1)) / (Math.sqrt(v[i]! / c2) + 1e-8);
  }
}
