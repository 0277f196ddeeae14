/**
 * data/training/, the shipped corpus (its format: training.ts). A module of its own so that the
 * shipped model can check its corpus without loading training.ts and its CSV parser on every report.
 */
export const TRAINING_DIR = new URL('../../data/training/', import.meta.url);
