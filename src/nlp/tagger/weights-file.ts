// The tagger's weights file (public/models/tagger.bin): a 32-byte header, the label transitions
// as float32, the word-frequency sketch, the spelling (name-shape) table and the emission weights
// quantised to int8 or int16. Little-endian throughout; the layout is documented in docs/tagger.md.
import { FEATURE_VERSION, type WordFrequencies } from "./features";
import { foldToken } from "./fold";
import { hashBytes, hashString } from "./hash";
import { LABEL_COUNT } from "./labels";
import type { TaggerWeights } from "./decode";

const MAGIC = 0x47545153; // "SQTG" read as a little-endian uint32
const FORMAT_VERSION = 2;
const HEADER_BYTES = 32;
const MIN_BUCKET_BITS = 4;
const MAX_BUCKET_BITS = 24;

/**
 * A fingerprint of the folding the features were hashed with: weights trained under another
 * normaliser would silently score the wrong buckets, so loading refuses them instead.
 */
export function foldFingerprint(): number {
  const probe = ["أإآٱ", "ىی", "ةۀ", "کگ", "٠١٢٣۴۵", "ـتطويل", "مُشَكَّل", "ﻻ", "A‌B", "ABC"];
  return hashString(probe.map(foldToken).join("|"), FEATURE_VERSION);
}

export class WeightsFileError extends Error {
  override name = "WeightsFileError";
}

/** Serialises weights; float emissions are quantised to `weightBytes` (1 or 2) per weight. */
export function encodeWeights(weights: TaggerWeights, weightBytes: 1 | 2 = 2): Uint8Array {
  const cells = (1 << weights.bucketBits) * LABEL_COUNT;
  if (weights.emission.length !== cells)
    throw new WeightsFileError("emission size does not match bucketBits");
  const limit = weightBytes === 1 ? 127 : 32767;
  let maxAbs = 0;
  for (let i = 0; i < cells; i++)
    maxAbs = Math.max(maxAbs, Math.abs(weights.emission[i]! * weights.emissionScale));
  const scale = maxAbs > 0 ? maxAbs / limit : 1;
  const transitionBytes = (LABEL_COUNT + 1) * LABEL_COUNT * 4;
  const frequencyBytes = weights.frequencies.counts.length;
  if (frequencyBytes !== 1 << weights.frequencies.bits)
    throw new WeightsFileError("frequency table size does not match its bits");
  const shapes = weights.frequencies.nameShapes;
  const shapeBytes = shapes ? shapes.logOdds.length : 0;
  if (shapes && shapeBytes !== 1 << shapes.bits)
    throw new WeightsFileError("name-shape table size does not match its bits");
  const bytes = new Uint8Array(
    HEADER_BYTES + transitionBytes + frequencyBytes + shapeBytes + cells * weightBytes,
  );
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint16(4, FORMAT_VERSION, true);
  view.setUint16(6, FEATURE_VERSION, true);
  view.setUint32(8, foldFingerprint(), true);
  view.setUint8(12, weights.bucketBits);
  view.setUint8(13, LABEL_COUNT);
  view.setUint8(14, weightBytes);
  view.setUint8(15, weights.frequencies.bits);
  view.setFloat32(16, scale, true);
  view.setFloat32(20, weights.temperature, true);
  view.setUint8(28, shapes ? shapes.bits : 0);
  let at = HEADER_BYTES;
  for (let i = 0; i < (LABEL_COUNT + 1) * LABEL_COUNT; i++, at += 4) {
    view.setFloat32(at, weights.transitions[i]!, true);
  }
  bytes.set(weights.frequencies.counts, at);
  at += frequencyBytes;
  if (shapes)
    bytes.set(new Uint8Array(shapes.logOdds.buffer, shapes.logOdds.byteOffset, shapeBytes), at);
  at += shapeBytes;
  for (let i = 0; i < cells; i++, at += weightBytes) {
    const q = Math.round((weights.emission[i]! * weights.emissionScale) / scale);
    const clamped = Math.max(-limit, Math.min(limit, q));
    if (weightBytes === 1) view.setInt8(at, clamped);
    else view.setInt16(at, clamped, true);
  }
  view.setUint32(24, hashBytes(bytes.subarray(HEADER_BYTES)), true);
  return bytes;
}

/** Reads a weights file, checking every field; throws `WeightsFileError` saying what is wrong. */
export function decodeWeights(bytes: Uint8Array): TaggerWeights {
  if (!(bytes instanceof Uint8Array))
    throw new WeightsFileError("tagger weights must be a Uint8Array");
  if (bytes.length < HEADER_BYTES)
    throw new WeightsFileError(`tagger weights too short (${bytes.length} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC)
    throw new WeightsFileError("not a Siyaq tagger weights file (bad magic)");
  const format = view.getUint16(4, true);
  if (format !== FORMAT_VERSION) throw new WeightsFileError(`unsupported weights format ${format}`);
  const featureVersion = view.getUint16(6, true);
  if (featureVersion !== FEATURE_VERSION || view.getUint32(8, true) !== foldFingerprint()) {
    throw new WeightsFileError(
      `weights were trained for other features (version ${featureVersion}) or another normaliser: run npm run train`,
    );
  }
  const bucketBits = view.getUint8(12);
  const labelCount = view.getUint8(13);
  const weightBytes = view.getUint8(14);
  if (bucketBits < MIN_BUCKET_BITS || bucketBits > MAX_BUCKET_BITS)
    throw new WeightsFileError(`bad bucketBits ${bucketBits}`);
  if (labelCount !== LABEL_COUNT)
    throw new WeightsFileError(`expected ${LABEL_COUNT} labels, file has ${labelCount}`);
  if (weightBytes !== 1 && weightBytes !== 2)
    throw new WeightsFileError(`bad weight width ${weightBytes}`);
  const frequencyBits = view.getUint8(15);
  if (frequencyBits < MIN_BUCKET_BITS || frequencyBits > MAX_BUCKET_BITS)
    throw new WeightsFileError(`bad frequency bits ${frequencyBits}`);
  const frequencyBytes = 1 << frequencyBits;
  const shapeBits = view.getUint8(28);
  if (shapeBits !== 0 && (shapeBits < MIN_BUCKET_BITS || shapeBits > MAX_BUCKET_BITS))
    throw new WeightsFileError(`bad name-shape bits ${shapeBits}`);
  const shapeBytes = shapeBits === 0 ? 0 : 1 << shapeBits;
  const cells = (1 << bucketBits) * LABEL_COUNT;
  const transitionCells = (LABEL_COUNT + 1) * LABEL_COUNT;
  const expected =
    HEADER_BYTES + transitionCells * 4 + frequencyBytes + shapeBytes + cells * weightBytes;
  if (bytes.length !== expected)
    throw new WeightsFileError(`weights file is ${bytes.length} bytes, expected ${expected}`);
  if (hashBytes(bytes.subarray(HEADER_BYTES)) !== view.getUint32(24, true)) {
    throw new WeightsFileError("weights file is corrupt (checksum mismatch)");
  }
  const emissionScale = view.getFloat32(16, true);
  const temperature = view.getFloat32(20, true);
  if (!(emissionScale > 0) || !(temperature > 0))
    throw new WeightsFileError("bad scale or temperature");
  const transitions = new Float32Array(transitionCells);
  for (let i = 0; i < transitionCells; i++)
    transitions[i] = view.getFloat32(HEADER_BYTES + i * 4, true);
  const frequencyStart = HEADER_BYTES + transitionCells * 4;
  // Copied (not aliased) so the tagger owns aligned weights whatever buffer the caller passed. Not
  // `bytes.slice`: on a Node Buffer that is a view sharing the file's memory, whose `.buffer` is the
  // whole file (or Node's pool), so weights built over `.buffer` would read the header as weights.
  const copy = (from: number, to: number) => new Uint8Array(bytes.subarray(from, to));
  const shapeStart = frequencyStart + frequencyBytes;
  const frequencies: WordFrequencies = {
    bits: frequencyBits,
    counts: copy(frequencyStart, shapeStart),
  };
  if (shapeBits !== 0)
    frequencies.nameShapes = {
      bits: shapeBits,
      logOdds: new Int8Array(copy(shapeStart, shapeStart + shapeBytes).buffer),
    };
  const raw = copy(shapeStart + shapeBytes, expected);
  const emission = weightBytes === 1 ? new Int8Array(raw.buffer) : littleEndianInt16(raw);
  return { bucketBits, emission, emissionScale, transitions, frequencies, temperature };
}

function littleEndianInt16(raw: Uint8Array): Int16Array {
  const out = new Int16Array(raw.buffer);
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] === 1) return out;
  const view = new DataView(raw.buffer);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt16(i * 2, true);
  return out;
}
